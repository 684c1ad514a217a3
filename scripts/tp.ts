/**
 * The Touchpoint admin CLI: `npm run tp -- <command> [flags]`.
 *
 * Flags are checked before the database is opened, so a typo never migrates or touches anything.
 * Every expected failure prints one line to stderr saying what to fix, and exits 1.
 * The database code is imported only when a command needs it, so mistakes are reported at once.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { DbHandle } from '@/db/client';
import type { StaffRole } from '@/db/schema/users';
import { ServiceError } from '@/lib/errors';

/** Typed against the schema (a new role fails to compile here) without loading drizzle for a typo. */
const ROLE_SET: Record<StaffRole, true> = { admin: true, lead: true, agent: true };
const STAFF_ROLES = Object.keys(ROLE_SET) as [StaffRole, ...StaffRole[]];

const CLI = 'npm run tp --';

/** A mistake in how the CLI was called: printed as one line, exit 1. */
class UsageError extends Error {}

type Flags = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

interface Command {
  usage: string;
  summary: string;
  options: OptionSpec;
  run: (flags: Flags, db: () => Promise<DbHandle>) => Promise<void>;
}

const out = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------------
// Flag schemas: every message names the flag to fix.

const requiredText = (flag: string, max: number) =>
  z
    .string({ error: `${flag} is required` })
    .trim()
    .min(1, `${flag} must not be empty`)
    .max(max, `${flag} must be at most ${max} characters`);

const emailFlag = z
  .string({ error: '--email is required' })
  .trim()
  .pipe(z.email({ error: (issue) => `--email must be an email address like name@example.com (got "${String(issue.input)}")` }))
  .transform((email) => email.toLowerCase());

const roleFlag = z.enum(STAFF_ROLES, {
  error: (issue) =>
    issue.input === undefined
      ? `--role is required: one of ${STAFF_ROLES.join(', ')}`
      : `--role must be one of ${STAFF_ROLES.join(', ')} (got "${String(issue.input)}")`,
});

const usersCreateSchema = z.object({
  email: emailFlag,
  name: requiredText('--name', 120),
  role: roleFlag,
  team: requiredText('--team', 80).optional(),
  password: z
    .string()
    .min(8, '--password must be at least 8 characters (or leave it out to generate one)')
    .max(200, '--password must be at most 200 characters')
    .optional(),
});

const tokensCreateSchema = z.object({
  email: emailFlag,
  name: requiredText('--name', 80).optional(),
});

const sessionsRevokeSchema = z.object({ email: emailFlag, customer: z.boolean().optional() });

function validate<T>(schema: z.ZodType<T>, flags: Flags): T {
  const result = schema.safeParse(flags);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'Invalid flags');
  return result.data;
}

// ---------------------------------------------------------------------------------------------------
// Commands

const COMMANDS: Record<string, Command> = {
  'users:create': {
    usage: 'users:create --email E --name N --role admin|lead|agent [--team T] [--password P]',
    summary: 'Create a staff user. Without --password, one is generated and printed once.',
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, password: { type: 'string' } },
    async run(flags, open) {
      const input = validate(usersCreateSchema, flags);
      const { db } = await open();
      const { createStaffUser } = await import('@/server/services/staff');
      const { user, generatedPassword } = await createStaffUser(db, {
        email: input.email,
        name: input.name,
        role: input.role,
        team: input.team ?? null,
        password: input.password,
      });
      out(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}${input.team ? `, team ${input.team}` : ''})`);
      if (generatedPassword) {
        out('A password was generated. It is shown only now: pass it on securely.');
        out(`Password: ${generatedPassword}`);
      }
    },
  },

  'tokens:create': {
    usage: 'tokens:create --email E [--name N]',
    summary: 'Create an API token for a staff user. The token is printed once, alone on the last line.',
    options: { email: { type: 'string' }, name: { type: 'string' } },
    async run(flags, open) {
      const input = validate(tokensCreateSchema, flags);
      const { db } = await open();
      const { createApiToken } = await import('@/server/services/api-tokens');
      const { token } = await createApiToken(db, { email: input.email, name: input.name });
      out(`Created API token "${input.name ?? 'API token'}" for ${input.email}. It is shown only now; store it safely:`);
      out(token);
    },
  },

  'sessions:revoke': {
    usage: 'sessions:revoke --email E [--customer]',
    summary: 'Sign a staff member (or, with --customer, a portal customer) out of every browser at once. Audited as the system.',
    options: { email: { type: 'string' }, customer: { type: 'boolean' } },
    async run(flags, open) {
      const input = validate(sessionsRevokeSchema, flags);
      const { db } = await open();
      const { revokeSessionsByEmail } = await import('@/server/services/account-security');
      const { endedSessions } = await revokeSessionsByEmail(db, input.customer ? 'customer' : 'staff', input.email);
      out(`Signed ${input.email} out of ${endedSessions} session${endedSessions === 1 ? '' : 's'}.`);
    },
  },

  'db:migrate': {
    usage: 'db:migrate',
    summary: 'Apply the database migrations.',
    options: {},
    async run(_flags, open) {
      const { kind } = await open(); // openDatabase migrates
      out(`Migrated ${kind} database`);
    },
  },

  'db:seed': {
    usage: 'db:seed --demo',
    summary: 'Fill an empty database with the demo workspace (teams, staff, customers, ~300 tickets). Prints the sign-ins.',
    options: { demo: { type: 'boolean' } },
    async run(flags, open) {
      if (!flags.demo) throw new UsageError('db:seed needs --demo (the demo workspace is the only seed there is)');
      const { db, kind } = await open();
      const { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemoIfEmpty } = await import('@/server/seed/demo');
      const started = Date.now();
      if (!(await seedDemoIfEmpty(db))) {
        out(`The ${kind} database already has users, so it is already seeded: nothing was changed.`);
        return;
      }
      out(`Seeded the demo workspace into the ${kind} database in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      out(`Sign in with password ${DEMO_PASSWORD} as:`);
      for (const { role, email } of DEMO_SIGN_INS) out(`  ${role.padEnd(8)} ${email}`);
    },
  },

  'metrics:rebuild': {
    usage: 'metrics:rebuild [--dry-run]',
    summary: 'Recompute every ticket\'s metric facts from ticket_events with the settings in force now; report how many differed.',
    options: { 'dry-run': { type: 'boolean' } },
    async run(flags, open) {
      const { db } = await open();
      const { rebuildMetrics } = await import('@/server/services/rebuild-metrics');
      const dryRun = Boolean(flags['dry-run']);
      const started = Date.now();
      const result = await rebuildMetrics(db, { dryRun });
      out(`Rebuilt ${result.tickets} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.differed} differed${dryRun ? ' (dry run: nothing written)' : result.differed ? ' and were corrected' : ''}.`);
      out(`Metric rollup: ${result.rollupRowsDiffered} rows differed from the tickets${dryRun ? '' : '; rebuilt'}.`);
    },
  },
};

function helpText(): string {
  const lines = [
    'Touchpoint admin CLI',
    '',
    `Usage: ${CLI} <command> [flags]`,
    '',
    'Commands:',
    ...Object.values(COMMANDS).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '  help [command]',
    '      Show this help, or one command\'s.',
    '',
    'Database: Postgres at DATABASE_URL when it is set; otherwise the embedded PGlite database in',
    '.data/pglite (PGLITE_DIR overrides it). Stop the dev server before using the embedded database:',
    'only one process at a time may open a PGlite directory.',
  ];
  return lines.join('\n');
}

function commandHelp(name: string): string {
  const command = COMMANDS[name];
  return `Usage: ${CLI} ${command.usage}\n\n${command.summary}`;
}

// ---------------------------------------------------------------------------------------------------
// Parsing and running

function unknownCommand(name: string): UsageError {
  return new UsageError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}, help. Run "${CLI} help" for details.`);
}

function parseFlags(name: string, command: Command, args: string[]): Flags {
  const allowed = Object.keys(command.options).map((o) => `--${o}`);
  const allowedText = allowed.length > 0 ? `Allowed flags: ${allowed.join(', ')}.` : 'It takes no flags.';
  try {
    const { values } = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    return values as Flags;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    const flag = /'(-{1,2}[^' <]+)/.exec(message)?.[1];
    const positional = /Unexpected argument '([^']*)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${name} does not take ${flag ?? 'that flag'}. ${allowedText}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`Unexpected "${positional ?? ''}" after ${name}: values go after their flag, like --email name@example.com. ${allowedText}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const spec = flag ? command.options[flag.replace(/^-+/, '')] : undefined;
      if (spec?.type === 'boolean') throw new UsageError(`${flag} is a switch and takes no value.`);
      throw new UsageError(`${flag ?? 'A flag'} needs a value, like ${flag ?? '--flag'} value (use ${flag ?? '--flag'}=value for a value starting with "-").`);
    }
    throw new UsageError(message.split('\n')[0]);
  }
}

/** One short line for an error nobody planned for: no stack trace. */
function describeUnexpected(error: unknown): string {
  const err = error as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const code = err.code ?? err.cause?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
    return `Cannot reach the database at DATABASE_URL (${code}). Is Postgres running, and is the URL right?`;
  }
  const message = (err.cause?.message ?? err.message ?? String(error)).split('\n')[0].slice(0, 300);
  return `Unexpected error: ${message}${code ? ` (${code})` : ''}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? args[0] : undefined;
    if (topic && !COMMANDS[topic]) {
      process.stderr.write(`tp: ${unknownCommand(topic).message}\n`);
      return 1;
    }
    out(topic ? commandHelp(topic) : helpText());
    return 0;
  }

  let handle: DbHandle | undefined;
  const open = async () => {
    const { openDatabase } = await import('@/db/client');
    return (handle ??= await openDatabase());
  };
  try {
    const command = COMMANDS[name];
    if (!command) throw unknownCommand(name);
    const flags = parseFlags(name, command, args);
    if (flags.help) {
      out(commandHelp(name));
      return 0;
    }
    await command.run(flags, open);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ServiceError) {
      process.stderr.write(`tp: ${error.message}\n`);
    } else {
      process.stderr.write(`tp: ${describeUnexpected(error)}\n`);
    }
    return 1;
  } finally {
    if (handle) await handle.close().catch(() => {});
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`tp: ${describeUnexpected(error)}\n`);
    process.exit(1);
  },
);
