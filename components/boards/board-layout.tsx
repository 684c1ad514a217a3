import type { ReactNode } from 'react';
import { PageHeader } from '@/components/shell/page-header';
import { FormMessage } from '@/components/ui';
import { boardQueryString } from '@/lib/validation/boards';
import type { BoardScope } from '@/server/queries/boards/scope';
import { BoardNav, type BoardKey } from './board-nav';
import { ticketsExportHref } from './export-links';

/** The URL's filters as a query string, for tabs and export links (the board's own toggles included). */
export function scopeQueryString(scope: BoardScope): string {
  const p = scope.params;
  return boardQueryString({
    range: scope.range.custom ? 'custom' : p.range,
    from: scope.range.custom ? p.from : undefined,
    to: scope.range.custom ? p.to : undefined,
    team: p.team,
    agent: scope.everyone ? p.agent : undefined,
    channel: p.channel,
    priority: p.priority,
    interval: p.interval,
    clock: p.clock,
    colour: p.colour,
    by: p.by,
  });
}

/** Title, tabs, and the board, or the message that says which parameter to fix. */
export function BoardLayout({ board, title, scope, error, children }: { board: BoardKey; title: string; scope?: BoardScope; error?: string; children?: ReactNode }) {
  const description = !scope
    ? undefined
    : `${scope.everyone ? (scope.agent ? scope.agent.name : 'The whole team') : 'Your own figures'}, ${scope.range.fromDate} to ${scope.range.toDate} (${scope.timeZone}).`;
  return (
    <div>
      <PageHeader
        title={title}
        description={description}
        actions={
          scope?.canExport ? (
            <a className="text-sm font-medium text-brand-700 hover:underline" href={ticketsExportHref(scopeQueryString(scope))} download>
              Download per-ticket CSV
            </a>
          ) : undefined
        }
      />
      <BoardNav current={board} query={scope ? scopeQueryString(scope) : ''} />
      {error ? (
        <FormMessage tone="error">
          {error}
        </FormMessage>
      ) : (
        children
      )}
    </div>
  );
}
