import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';

/** A board section: a chart (hidden from screen readers) with its numbers as a table in a <details>. */
export function Panel({ title, actions, children, table, id }: { title: string; actions?: ReactNode; children?: ReactNode; table?: ReactNode; id?: string }) {
  return (
    <Card aria-labelledby={id ? `${id}-title` : undefined} role="region">
      <CardHeader>
        <CardTitle id={id ? `${id}-title` : undefined}>{title}</CardTitle>
        {actions ? <div className="flex flex-wrap gap-3 text-sm">{actions}</div> : null}
      </CardHeader>
      <CardBody className="space-y-3">
        {children}
        {table ? (
          <details open={!children} className="group">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Table view</summary>
            <div className="mt-2">{table}</div>
          </details>
        ) : null}
      </CardBody>
    </Card>
  );
}

/** A count that opens its tickets in the inbox. */
export function Drill({ value, href, label }: { value: number; href: string | null; label: string }) {
  if (!href || value === 0) return <span>{value}</span>;
  return (
    <Link href={href} className="ui-drill" aria-label={`${value} ${label}: open in inbox`}>
      {value}
    </Link>
  );
}

/** A headline figure. */
export function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: ReactNode; testId: string }) {
  return (
    <Card>
      <CardBody>
        <p className="text-sm text-slate-500">{label}</p>
        <p className="mt-1 text-3xl font-semibold text-slate-900" data-testid={testId}>
          {value}
        </p>
        {detail ? <div className="mt-1 text-xs text-slate-500">{detail}</div> : null}
      </CardBody>
    </Card>
  );
}
