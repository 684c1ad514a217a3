import { Fragment } from 'react';

const START = '\u27E6';
const END = '\u27E7';

/** Renders search highlights as <mark> by splitting on the server's markers: the text itself stays text. */
export function Highlight({ text }: { text: string }) {
  const parts = text.split(START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>;
        const [hit, rest = ''] = part.split(END);
        return (
          <Fragment key={i}>
            <mark className="rounded bg-amber-200 px-0.5 text-slate-900">{hit}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
