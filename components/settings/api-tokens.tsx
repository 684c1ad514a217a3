'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Copy, KeyRound, TriangleAlert } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
  EmptyState,
  Field,
  FormMessage,
  Input,
  NativeSelect,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  cn,
  toast,
} from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { formatDateTime } from '@/lib/format';
import { createApiTokenAction, revokeApiTokenAction } from '@/server/actions/settings';

export interface ApiTokenItem {
  id: number;
  name: string;
  prefix: string;
  userEmail: string;
  userName: string;
  /** ISO strings, formatted the same on server and client. */
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokensProps {
  tokens: ApiTokenItem[];
  owners: { email: string; name: string; role: string }[];
}

/** The token just created: shown once, never stored in plain text, gone on reload. */
function NewToken({ token, name, email, onDone }: { token: string; name: string; email: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      toast.success('Token copied');
    } catch {
      toast.info('Press Ctrl+C (or ⌘C) to copy the selected token');
    }
  }
  return (
    <div className="space-y-3 rounded-control border border-warn-200 bg-warn-50 p-4" data-testid="new-token-panel">
      <p className="flex items-start gap-2 text-sm font-medium text-warn-800">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span>
          Copy the token “{name}” for {email} now. It is shown only now: once you leave this page it cannot be shown again.
        </span>
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-token" className="sr-only">New API token</label>
        <Input
          ref={input}
          id="new-token"
          data-testid="new-token"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono text-sm"
          spellCheck={false}
        />
        <Button type="button" variant="secondary" onClick={copy}>
          <Copy aria-hidden="true" /> Copy
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p className="text-sm text-slate-600">
        Send it as <code className="rounded bg-white px-1 py-0.5 font-mono text-xs">Authorization: Bearer …</code> to <code className="rounded bg-white px-1 py-0.5 font-mono text-xs">/api/v1</code>.
      </p>
    </div>
  );
}

function CreateTokenForm({ owners, onCreated }: { owners: ApiTokensProps['owners']; onCreated: (t: { token: string; name: string; email: string }) => void }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(createApiTokenAction, (data, form) => {
    onCreated(data);
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Create API token">
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start">
        <Field label="Staff member" htmlFor="token-owner" hint="The token acts with this person's role." error={fieldError('email')}>
          <NativeSelect
            name="email"
            defaultValue=""
            placeholder="Choose a staff member"
            options={owners.map((o) => ({ value: o.email, label: `${o.name} <${o.email}> · ${o.role}` }))}
          />
        </Field>
        <Field label="Token name" htmlFor="token-name" hint="What it is for, e.g. “BI export”." error={fieldError('name')}>
          <Input name="name" maxLength={80} autoComplete="off" />
        </Field>
        <Button type="submit" loading={pending} className="md:mt-7">
          <KeyRound aria-hidden="true" /> Create token
        </Button>
      </div>
      <FormMessage tone="error">{failure?.message}</FormMessage>
    </form>
  );
}

function RevokeButton({ token }: { token: ApiTokenItem }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, failure, onSubmit } = useFormAction(revokeApiTokenAction, () => {
    setOpen(false);
    toast.success(`Token “${token.name}” revoked`);
    router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">Revoke</Button>
      </DialogTrigger>
      <DialogContent
        title={`Revoke “${token.name}”?`}
        description={`Requests that use ${token.prefix}… (${token.userEmail}) will be refused from now on. This cannot be undone.`}
      >
        <form onSubmit={onSubmit}>
          <input type="hidden" name="id" value={token.id} />
          <FormMessage tone="error">{failure?.message}</FormMessage>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={pending}>Revoke token</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function TokenTable({ tokens }: { tokens: ApiTokenItem[] }) {
  if (tokens.length === 0) {
    return <EmptyState className="py-6" title="No API tokens yet" description="Create one above to call the REST API." />;
  }
  return (
    <Table label="API tokens" wrapperClassName="shadow-none">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Token</TH>
          <TH>Staff member</TH>
          <TH>Created</TH>
          <TH>Last used</TH>
          <TH><span className="sr-only">Status</span></TH>
        </TR>
      </THead>
      <TBody>
        {tokens.map((t) => (
          <TR key={t.id} data-testid="token-row" data-revoked={t.revokedAt ? 'true' : undefined} className={cn(t.revokedAt && 'bg-slate-50 opacity-60')}>
            <TD className={cn('font-medium', t.revokedAt && 'line-through')}>{t.name}</TD>
            <TD className="font-mono text-xs">{t.prefix}…</TD>
            <TD>
              <div>{t.userName}</div>
              <div className="text-xs text-slate-500">{t.userEmail}</div>
            </TD>
            <TD className="whitespace-nowrap">{formatDateTime(t.createdAt)}</TD>
            <TD className="whitespace-nowrap">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</TD>
            <TD className="text-right whitespace-nowrap">
              {t.revokedAt ? (
                <Badge>Revoked {formatDateTime(t.revokedAt)}</Badge>
              ) : (
                <RevokeButton token={t} />
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Create tokens for staff (shown once), list them, revoke them. */
export function ApiTokens({ tokens, owners }: ApiTokensProps) {
  const [created, setCreated] = useState<{ token: string; name: string; email: string } | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>API tokens</CardTitle>
        <p className="text-sm text-slate-500">Bearer tokens for the REST API. Only a hash is stored.</p>
      </CardHeader>
      <CardBody className="space-y-5">
        <CreateTokenForm owners={owners} onCreated={setCreated} />
        {created && <NewToken {...created} onDone={() => setCreated(null)} />}
        <TokenTable tokens={tokens} />
      </CardBody>
    </Card>
  );
}
