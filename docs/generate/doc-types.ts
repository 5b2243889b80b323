import type { inferRouterInputs, inferRouterOutputs, TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** Procedures are the router record's leaves (they carry `_def.$types`); nested routers (`alerts.rules`) are walked. */
type PathsOf<R, P extends string = ''> = {
  [K in keyof R & string]: R[K] extends { _def: { $types: unknown } } ? `${P}${K}` : PathsOf<R[K], `${P}${K}.`>;
}[keyof R & string];

/** `"agents.register" | "alerts.rules.list" | …`: every procedure path of the router, as a type. */
export type ProcedurePath = PathsOf<AppRouter['_def']['record']>;

type Lookup<T, P> = P extends `${infer N}.${infer Rest}`
  ? N extends keyof T
    ? Lookup<T[N], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;
/** What a caller sends (zod's input side: defaults may be left out). */
export type InputOf<P extends ProcedurePath> = Lookup<Inputs, P>;
/** What the procedure answers (the JSON under `result.data`; dates are epoch milliseconds); for a subscription, one message. */
export type OutputOf<P extends ProcedurePath> =
  Lookup<Outputs, P> extends AsyncIterable<infer Message> ? Message : Lookup<Outputs, P>;

/**
 * The hand-written part of one procedure's documentation. Kind, access and input fields come
 * from the router itself; examples are type-checked against it (tsc) and their inputs parsed
 * by its schema (docs/generate/api-docs.test.ts), so none of them can drift.
 */
export interface ProcedureDoc<P extends ProcedurePath> {
  /** One sentence: what it does. */
  summary: string;
  /** More prose, Markdown, after the summary. */
  details?: string;
  /** What it answers, in words (needed unless `example.output` shows it). */
  returns?: string;
  /** Meaning of input fields, by the dotted path the input table shows (`activity.state`, `tasks[].title`). */
  fields?: Record<string, string>;
  /** Names for the forms of an input that is a union (one task, or a batch), in the schema's order. */
  forms?: string[];
  example?: { input?: InputOf<P>; output?: OutputOf<P> };
  /** Errors beyond those every procedure of its kind and access may answer (invalid input, no token…). */
  errors?: Partial<Record<TRPC_ERROR_CODE_KEY, string>>;
}

export type DocTarget = 'agent-protocol' | 'api';

export interface Section {
  /** Which generated file the section belongs to. */
  doc: DocTarget;
  /** Anchor and file name (`docs/source/<id>.ts`). */
  id: string;
  title: string;
  /** The dashboard page it serves, if any. */
  page?: string;
  intro?: string;
  procedures: { [P in ProcedurePath]?: ProcedureDoc<P> };
}

/** Typed once here so each section file is checked against the router's own types. */
export const defineSection = (section: Section): Section => section;
