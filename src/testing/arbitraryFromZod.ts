import fc from 'fast-check';
import type * as z from 'zod';

interface Check {
  check: string;
  maximum?: number;
  minimum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Check } }>;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  element?: z.ZodType;
  innerType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, string | number>;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((c) => c._zod.def);

/** Generation stays small: the properties are about shapes, not sizes (the limits have tests of their own). */
const MAX_ITEMS = 4;
const MAX_CHARS = 40;

function stringArbitrary(checks: Check[]): fc.Arbitrary<string> {
  const max = Math.min(MAX_CHARS, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? MAX_CHARS));
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
  const format = checks.find((c) => c.check === 'string_format');
  if (format?.format === 'regex' && format.pattern)
    return fc.stringMatching(format.pattern).filter((s) => s.length <= max && s.length >= min);
  if (format?.format === 'url') return fc.webUrl();
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

function numberArbitrary(checks: Check[]): fc.Arbitrary<number> {
  const integer = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  const min = low ? Number(low.value) + (low.inclusive ? 0 : integer ? 1 : Number.EPSILON) : integer ? -1_000_000 : -1e9;
  const max = high ? Number(high.value) - (high.inclusive ? 0 : integer ? 1 : Number.EPSILON) : integer ? 1_000_000 : 1e9;
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
}

/**
 * Values a zod (v4) schema accepts, for property-based tests: objects with each field (optional ones sometimes
 * left out), every option of a union, strings and arrays within their length checks, numbers within their bounds.
 * Refinements are not read: filter the result with the schema where one matters. Throws on a kind it cannot make.
 */
export function arbitraryFromZod(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(def);
  switch (def.type) {
    case 'string':
      return stringArbitrary(checks);
    case 'number':
      return numberArbitrary(checks);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'nullable':
      return fc.option(arbitraryFromZod(def.innerType as z.ZodType), { nil: null });
    case 'optional':
      return fc.option(arbitraryFromZod(def.innerType as z.ZodType), { nil: undefined });
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFromZod(def.innerType as z.ZodType);
    case 'pipe':
      return arbitraryFromZod(def.in as z.ZodType);
    case 'lazy':
      return fc.constant(null).chain(() => arbitraryFromZod((def.getter as () => z.ZodType)()));
    case 'union':
      return fc.oneof(...(def.options ?? []).map(arbitraryFromZod));
    case 'array': {
      const max = Math.min(MAX_ITEMS, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? MAX_ITEMS));
      const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
      return fc.array(arbitraryFromZod(def.element as z.ZodType), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(arbitraryFromZod));
    case 'record':
      return fc.dictionary(
        arbitraryFromZod(def.keyType as z.ZodType) as fc.Arbitrary<string>,
        arbitraryFromZod(def.valueType as z.ZodType),
        {
          maxKeys: MAX_ITEMS,
        },
      );
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((k) => defOf(shape[k] as z.ZodType).type !== 'optional');
      return fc
        .record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFromZod(v)])), { requiredKeys: required })
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'intersection':
      return fc
        .tuple(arbitraryFromZod(def.left as z.ZodType), arbitraryFromZod(def.right as z.ZodType))
        .map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'unknown':
    case 'any':
      return fc.jsonValue();
    case 'custom': {
      // z.instanceof(C) or z.custom(check): bytes of the kind the schema takes (tried on a sample of each).
      const bytes = fc.uint8Array({ maxLength: 64 });
      if (schema.safeParse(new Uint8Array(1)).success) return bytes;
      if (schema.safeParse(new ArrayBuffer(1)).success) return bytes.map((b) => b.slice().buffer);
      throw new Error('arbitraryFromZod: no generator for this zod custom check (it takes neither a Uint8Array nor an ArrayBuffer)');
    }
    default:
      throw new Error(`arbitraryFromZod: no generator for a zod ${def.type} (pass a schema without it, or add one here)`);
  }
}
