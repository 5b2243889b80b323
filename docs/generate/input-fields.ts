import { z } from 'zod';

/** One row of an input table: a field by its dotted path, its type and whether it may be left out. */
export interface FieldRow {
  field: string;
  type: string;
  presence: string;
}

/** An input rendered as tables: one per form when the schema is a union of objects (one task, or a batch). */
export interface InputShape {
  forms: { rows: FieldRow[]; strict: boolean }[];
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
};

const SAFE = Number.MAX_SAFE_INTEGER;

/** What a caller sends, from the zod schema (its input side: transforms and defaults as the caller sees them). */
export function describeInput(schema: unknown, formNames: string[] = []): InputShape {
  const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Schema;
  const variants = json.anyOf && json.anyOf.every(isObject) ? json.anyOf : [json];
  const siblingsOf = (i: number) =>
    variants.map((schema, j) => ({ schema, name: formNames[j] ?? `form ${j + 1}` })).filter((_, j) => j !== i);
  return {
    forms: variants.map((v, i) => {
      const rows: FieldRow[] = [];
      if (isObject(v)) objectRows(v, '', rows, siblingsOf(i));
      else rows.push({ field: '(the input itself)', type: typeName(v), presence: 'required' });
      return { rows, strict: v.additionalProperties === false };
    }),
  };
}

/** Every field path an input table shows, for checking hand-written field notes. */
export function fieldPaths(shape: InputShape): Set<string> {
  return new Set(shape.forms.flatMap((f) => f.rows.map((r) => r.field)));
}

function objectRows(s: Schema, prefix: string, rows: FieldRow[], siblings: { schema: Schema; name: string }[]): void {
  const required = new Set(s.required ?? []);
  // Required fields first, each group in the schema's order.
  const props = Object.entries(s.properties ?? {}).sort(
    ([a], [b]) => Number(required.has(b)) - Number(required.has(a)),
  );
  for (const [name, prop] of props) {
    const field = `${prefix}${name}`;
    const presence = required.has(name)
      ? 'required'
      : prop.default !== undefined
        ? `default \`${JSON.stringify(prop.default)}\``
        : 'optional';
    const sibling = prop.items && siblings.find((sib) => sameSchema(sib.schema, prop.items!));
    rows.push({
      field,
      type: sibling ? `${arrayBounds(prop)} of objects as in *${sibling.name}*` : typeName(prop),
      presence,
    });
    if (sibling) continue;
    const nested = objectIn(prop);
    if (nested) objectRows(nested.schema, `${field}${nested.suffix}.`, rows, []);
  }
}

/** The object a field holds, directly, as array items, or as one branch of a union. */
function objectIn(s: Schema): { schema: Schema; suffix: string } | null {
  if (isObject(s)) return { schema: s, suffix: '' };
  if (s.items) {
    const inner = objectIn(s.items);
    return inner ? { schema: inner.schema, suffix: `[]${inner.suffix}` } : null;
  }
  const branch = s.anyOf?.find(isObject);
  return branch ? { schema: branch, suffix: '' } : null;
}

function isObject(s: Schema): boolean {
  return s.type === 'object' && !!s.properties;
}

function sameSchema(a: Schema, b: Schema): boolean {
  const strip = ({ default: _d, ...rest }: Schema) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

/** A compact type, e.g. `integer 0–30000`, `string, 1–128 chars`, `array (≤ 100 items) of string`. */
export function typeName(s: Schema): string {
  if (s.anyOf) {
    const parts = s.anyOf.map((b) => (isObject(b) ? 'object' : typeName(b)));
    return parts.join(' or ');
  }
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  switch (s.type) {
    case 'string':
      return ['string', lengthBounds(s), s.pattern ? `matching \`${s.pattern}\`` : '', s.format ?? '']
        .filter(Boolean)
        .join(', ');
    case 'integer':
    case 'number':
      return [s.type, numberBounds(s)].filter(Boolean).join(' ');
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (!s.items) return `${arrayBounds(s)} of any JSON`;
      if (isObject(s.items)) return `${arrayBounds(s)} of objects`;
      return s.items.anyOf
        ? `${arrayBounds(s)}, each ${typeName(s.items)}`
        : `${arrayBounds(s)} of ${typeName(s.items)}`;
    }
    case 'object': {
      if (s.properties) return 'object';
      const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
      return Object.keys(values).length ? `object of ${typeName(values)} values` : 'object (any JSON values)';
    }
    default:
      return 'any JSON';
  }
}

function lengthBounds(s: Schema): string {
  const { minLength: min, maxLength: max } = s;
  if (min !== undefined && max !== undefined) return `${min}–${max} chars`;
  if (max !== undefined) return `≤ ${max} chars`;
  if (min !== undefined) return `≥ ${min} chars`;
  return '';
}

function numberBounds(s: Schema): string {
  const min = s.minimum !== undefined && s.minimum > -SAFE ? s.minimum : undefined;
  const max = s.maximum !== undefined && s.maximum < SAFE ? s.maximum : undefined;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  const parts = [
    min !== undefined ? `≥ ${min}` : s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : '',
    max !== undefined ? `≤ ${max}` : s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function arrayBounds(s: Schema): string {
  const { minItems: min, maxItems: max } = s;
  if (min !== undefined && max !== undefined) return `array (${min}–${max} items)`;
  if (max !== undefined) return `array (≤ ${max} items)`;
  if (min !== undefined) return `array (≥ ${min} items)`;
  return 'array';
}
