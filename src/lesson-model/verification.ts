/**
 * Verification records: what the snippet suite proved about a lesson, and whether the lesson still
 * says what was proved. Nobody writes verification by hand: a passing run of a whole lesson
 * (`npm run test:snippets [-- <slug>]`) writes content/verified/<slug>.json, and everything that shows
 * or checks verification reads it through this module (the page and its blocks, the verification check).
 *
 * A record holds the engine that ran the lesson (server and client versions, image store), the date,
 * and a hash of each runnable block in page order: what the suite executes and judges (shell, commands,
 * expected output with placeholder kinds, exit status, timeout). Titles and placeholder labels are left
 * out, so the English and the Korean block of one step hash the same and one record serves both
 * languages. Files the lesson shows are hashed too: the suite writes them before the first command.
 *
 * A block is verified when the block at the same position among the runnable blocks has the recorded
 * hash and no shown file changed. Position matters: a step inserted before a block changes what the
 * block runs after, so the blocks from there on count as changed until the suite runs them again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import type { CommandBlock, OutputLine } from './command-block/types.ts';
import type { LessonBlock } from './lessonBlocks.ts';

/** Bumped when the hash or the record's shape changes; a record of another format counts as no record. */
export const RECORD_FORMAT = 1;

/**
 * The engine the project verifies lessons on: the one CI runs (scripts/docker/setup-engine.sh).
 * A run on another engine still records a lesson that has no valid record (the page then names that
 * engine), but never replaces a record from the reference engine that still matches the lesson.
 */
export const REFERENCE_ENGINE = { version: '28.5', imageStore: 'containerd' } as const;

/** content/verified/ of a content tree: one record per lesson slug. */
export const VERIFIED_DIR_NAME = 'verified';

const hex = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Whether the snippet suite runs a block: bash, and not marked norun. Everything else is never verified. */
export function isRunnable(block: CommandBlock): boolean {
  return block.shell === 'bash' && block.norun === undefined;
}

function canonicalOutput(line: OutputLine): unknown {
  if (line.kind === 'elision') return '{{...}}';
  // Placeholder labels are for readers (and translated); the suite matches the kind only.
  return line.segments.map((segment) =>
    segment.kind === 'literal' ? segment.text : { placeholder: segment.placeholder },
  );
}

/** The hash of what the suite runs and judges in a block; the same for the block in either language. */
export function blockHash(block: CommandBlock): string {
  return hex(
    JSON.stringify({
      shell: block.shell,
      exit: block.exit,
      timeout: block.timeout,
      commands: block.commands.map((command) => ({
        text: command.text,
        output: command.output.map(canonicalOutput),
      })),
    }),
  );
}

export function fileHash(content: string): string {
  return hex(content);
}

const engineSchema = z.strictObject({
  /** `docker version`: Server.Version, e.g. 28.5.2+dfsg4 (a distribution's build suffix kept). */
  server: z.string().min(1),
  client: z.string().min(1),
  api: z.string(),
  os: z.string(),
  arch: z.string(),
  /** `docker info`: Driver, e.g. overlayfs (containerd snapshotter) or overlay2. */
  storageDriver: z.string(),
  /** containerd when `docker info` reports the containerd snapshotter, else classic (graph drivers). */
  imageStore: z.enum(['containerd', 'classic']),
  /** stand-ins: images came from the stand-in registry mirror (tests/standins), not from Docker Hub. */
  images: z.enum(['stand-ins', 'registry']),
});

const recordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  lesson: z.string(),
  date: z.iso.date(),
  engine: engineSchema,
  blocks: z.array(
    z.strictObject({
      hash: z.string().regex(/^[0-9a-f]{16}$/),
      commands: z.int().min(1),
      /** The block's first command, for a person reading the record. */
      first: z.string(),
    }),
  ),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{16}$/)),
});

export type EngineFacts = z.infer<typeof engineSchema>;
export type VerificationRecord = z.infer<typeof recordSchema>;

export function recordPath(contentDir: string, slug: string): string {
  return path.join(contentDir, VERIFIED_DIR_NAME, `${slug}.json`);
}

/** The content tree a lesson file belongs to: <content>/lessons/<locale>/<slug>.mdx. */
export function contentDirOf(lessonFile: string): string {
  return path.dirname(path.dirname(path.dirname(path.resolve(lessonFile))));
}

// Fields written out rather than as constructor parameter properties: astro.config loads this file
// through Node's own type stripping, which accepts only syntax it can erase.
export class RecordError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/** Parses a record's text; throws RecordError with the line of the problem. */
export function parseRecord(text: string): VerificationRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    throw new RecordError(line, `is not JSON (${(error as Error).message})`);
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(the record)';
    // The line of the field's key, when it can be found: records are written one field a line.
    const key = issue.path.filter((part) => typeof part === 'string').at(-1);
    const index = key ? text.split('\n').findIndex((line) => line.includes(`"${key}"`)) : -1;
    throw new RecordError(index + 1 || 1, `field "${field}": ${issue.message}`);
  }
  return parsed.data;
}

/** The lesson's record, or undefined when it has none. Throws RecordError when the file does not parse. */
export function readRecord(contentDir: string, slug: string): VerificationRecord | undefined {
  const file = recordPath(contentDir, slug);
  if (!existsSync(file)) return undefined;
  return parseRecord(readFileSync(file, 'utf8'));
}

/** One field a line and one block a line, so a re-run's diff shows exactly the blocks that changed. */
export function formatRecord(record: VerificationRecord): string {
  const json = (value: unknown) => JSON.stringify(value);
  const engine = Object.entries(record.engine).map(([key, value]) => `    ${json(key)}: ${json(value)}`);
  const blocks = record.blocks.map((block) => `    ${json(block)}`);
  const files = Object.entries(record.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, hash]) => `    ${json(name)}: ${json(hash)}`);
  const list = (open: string, close: string, items: string[]) =>
    items.length ? `${open}\n${items.join(',\n')}\n  ${close}` : `${open}${close}`;
  return `${[
    '{',
    `  "format": ${record.format},`,
    `  "lesson": ${json(record.lesson)},`,
    `  "date": ${json(record.date)},`,
    `  "engine": ${list('{', '}', engine)},`,
    `  "blocks": ${list('[', ']', blocks)},`,
    `  "files": ${list('{', '}', files)}`,
    '}',
  ].join('\n')}\n`;
}

export function writeRecord(contentDir: string, record: VerificationRecord): string {
  const file = recordPath(contentDir, record.lesson);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, formatRecord(record));
  return file;
}

/** A record of a lesson as it is now: what a passing run of it on `engine` on `date` proves. */
export function recordOf(
  slug: string,
  blocks: readonly LessonBlock[],
  files: readonly { name: string; content: string }[],
  engine: EngineFacts,
  date: string,
): VerificationRecord {
  return {
    format: RECORD_FORMAT,
    lesson: slug,
    date,
    engine,
    blocks: blocks
      .filter(({ block }) => isRunnable(block))
      .map(({ block }) => ({
        hash: blockHash(block),
        commands: block.commands.length,
        first: (block.commands[0]?.lines[0] ?? '').slice(0, 80),
      })),
    files: Object.fromEntries(files.map((file) => [file.name, fileHash(file.content)])),
  };
}

export type BlockStatus =
  /** No record: the suite has never recorded a pass of this lesson. */
  | 'unrecorded'
  /** The block at this position has the recorded hash. */
  | 'same'
  /** The block at this position hashes differently from the recorded one. */
  | 'changed'
  /** The lesson has more runnable blocks than the record: this one was never part of a recorded pass. */
  | 'new';

export interface VerifiedBlock {
  found: LessonBlock;
  hash: string;
  status: BlockStatus;
  /** What the page says: the block is the one that passed, and no shown file changed since. */
  verified: boolean;
}

export interface LessonVerification {
  record: VerificationRecord | undefined;
  /** The runnable blocks in page order. */
  blocks: VerifiedBlock[];
  /** Shown files whose content differs from the record, or that are new or gone since. */
  changedFiles: string[];
  /** Recorded blocks past the lesson's last runnable block: steps removed (or made norun) since. */
  removedBlocks: number;
  commands: number;
  verifiedCommands: number;
}

/** Compares a lesson as it is now (either language) with its record. */
export function compareWithRecord(
  blocks: readonly LessonBlock[],
  files: readonly { name: string; content: string }[],
  record: VerificationRecord | undefined,
): LessonVerification {
  const runnable = blocks.filter(({ block }) => isRunnable(block));
  const changedFiles = record
    ? [
        ...new Set([
          ...files.filter((file) => record.files[file.name] !== fileHash(file.content)).map((f) => f.name),
          ...Object.keys(record.files).filter((name) => !files.some((file) => file.name === name)),
        ]),
      ].sort()
    : [];
  const verifiedBlocks = runnable.map((found, index): VerifiedBlock => {
    const hash = blockHash(found.block);
    const recorded = record?.blocks[index];
    const status: BlockStatus = !record
      ? 'unrecorded'
      : !recorded
        ? 'new'
        : recorded.hash === hash
          ? 'same'
          : 'changed';
    return { found, hash, status, verified: status === 'same' && changedFiles.length === 0 };
  });
  const count = (list: VerifiedBlock[]) => list.reduce((n, b) => n + b.found.block.commands.length, 0);
  return {
    record,
    blocks: verifiedBlocks,
    changedFiles,
    removedBlocks: record ? Math.max(0, record.blocks.length - runnable.length) : 0,
    commands: count(verifiedBlocks),
    verifiedCommands: count(verifiedBlocks.filter((block) => block.verified)),
  };
}

/** Whether a lesson, as it is now, is fully what its record proved. */
export function isFullyVerified(verification: LessonVerification): boolean {
  return (
    verification.record !== undefined &&
    verification.removedBlocks === 0 &&
    verification.blocks.every((block) => block.verified)
  );
}

/** "28.5.2+dfsg4" → "28.5.2": a distribution's build suffix is not part of the version readers compare. */
export function engineVersion(server: string): string {
  return server.replace(/\+.*$/, '');
}

export function isReferenceEngine(engine: EngineFacts): boolean {
  const version = engineVersion(engine.server);
  return (
    (version === REFERENCE_ENGINE.version || version.startsWith(`${REFERENCE_ENGINE.version}.`)) &&
    engine.imageStore === REFERENCE_ENGINE.imageStore
  );
}

/** "Docker Engine 28.5.2 (containerd image store)", for the suite's and the check's messages. */
export function describeEngine(engine: EngineFacts): string {
  const store =
    engine.imageStore === 'containerd' ? 'containerd image store' : `${engine.storageDriver} storage driver`;
  return `Docker Engine ${engineVersion(engine.server)} (${store})`;
}

export type RecordDecision =
  { write: true; replaces?: VerificationRecord | undefined } | { write: false; reason: string };

/**
 * Whether a passing run on `engine` writes the lesson's record. It does, except that a run on an
 * engine other than the reference engine keeps a reference-engine record the lesson still fully
 * matches: that record proves more, and replacing it would only move the page off the reference engine.
 */
export function recordDecision(
  existing: VerificationRecord | undefined,
  lessonNow: LessonVerification,
  engine: EngineFacts,
): RecordDecision {
  if (
    existing &&
    !isReferenceEngine(engine) &&
    isReferenceEngine(existing.engine) &&
    isFullyVerified(lessonNow)
  ) {
    return {
      write: false,
      reason: `kept the record from ${describeEngine(existing.engine)} on ${existing.date}: this run was on ${describeEngine(engine)}, not the reference engine, and the lesson has not changed since`,
    };
  }
  return { write: true, replaces: existing };
}

/** What a lesson page says about its verification (serializable: it travels through the page's front matter). */
export interface VerificationSummary {
  state: 'none' | 'all' | 'some' | 'stale';
  commands: number;
  verifiedCommands: number;
  date?: string | undefined;
  engineVersion?: string | undefined;
  imageStore?: 'containerd' | 'classic' | undefined;
  storageDriver?: string | undefined;
  reference?: boolean | undefined;
}

export function summarize(verification: LessonVerification): VerificationSummary {
  const { record, commands, verifiedCommands } = verification;
  if (!record || commands === 0) return { state: 'none', commands, verifiedCommands };
  // Steps removed at the end leave the others as they ran: the page can still say all of them passed
  // (the verification check asks for a new run all the same).
  const all = verification.blocks.every((block) => block.verified);
  return {
    state: all ? 'all' : verifiedCommands > 0 ? 'some' : 'stale',
    commands,
    verifiedCommands,
    date: record.date,
    engineVersion: engineVersion(record.engine.server),
    imageStore: record.engine.imageStore,
    storageDriver: record.engine.storageDriver,
    reference: isReferenceEngine(record.engine),
  };
}
