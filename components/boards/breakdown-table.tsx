import type { ReactNode } from 'react';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  numeric?: boolean;
}

/** A plain table of rows: every board table, breakdowns and table views alike. */
export function DataTable<R>({ rows, columns, label, rowKey, testId }: { rows: R[]; columns: Column<R>[]; label: string; rowKey: (row: R) => string; testId?: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No data in this period.</p>;
  return (
    <Table label={label} data-testid={testId}>
      <THead>
        <tr>
          {columns.map((c) => (
            <TH key={c.header} className={c.numeric ? 'text-right' : undefined}>
              {c.header}
            </TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={rowKey(row)}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.header} scope="row" className="ui-td text-left font-medium whitespace-nowrap text-slate-900">
                  {c.cell(row)}
                </th>
              ) : (
                <TD key={c.header} className={c.numeric ? 'ui-num' : undefined}>
                  {c.cell(row)}
                </TD>
              ),
            )}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
