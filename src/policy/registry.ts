/**
 * The platform's registry file (`_index.yaml`: `version`, `namespace`, `entries`), read for its
 * policy entries. Entries of kind `security.policy` and `security.policy.expr` are decoded and
 * validated as the platform does before it registers them (`api/service/security/policy/
 * config.go` `Validate`, `expr_config.go`, `service/security/policy/factory.go`): effect
 * `allow`/`deny`; `actions` and `resources` each a non-empty string or a non-empty list;
 * every condition with a field, a known operator and a `value` or `value_from`; `matches`
 * patterns that compile; an expression that compiles. Entries of other kinds are kept in the
 * text and ignored. Unknown fields are ignored, as Go's decoder ignores them.
 *
 * Where the platform would refuse one entry and load the rest, the playground refuses the
 * file and lists every problem at its line: a policy missing a deny entry would be a quiet
 * widening. Parsing uses the `yaml` package (YAML 1.2, duplicate keys refused).
 */
import { isMap as isYamlMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { CONDITION_OPERATORS } from './types.ts';
import type { Condition, ConditionOperator, Effect, Filter, PolicyEntry } from './types.ts';
import { ExprError, parseExpr } from './expr.ts';
import { compileGoRegexp } from './re2.ts';
import { patternWarning } from './match.ts';
import { checkYamlBounds } from './yaml-bounds.ts';

export const POLICY_KIND = 'security.policy';
export const EXPR_KIND = 'security.policy.expr';

/** Bounds on what a link or a file can make the page hold. */
export const MAX_REGISTRY_LENGTH = 256 * 1024;
export const MAX_ENTRIES = 1000;
/** At most this many YAML errors are listed for a file that does not parse. */
export const MAX_PROBLEMS = 50;

const ENTRY_FIELDS = ['name', 'kind', 'meta', 'policy', 'groups'];
const POLICY_FIELDS = ['actions', 'resources', 'effect', 'conditions'];
const EXPR_FIELDS = ['actions', 'resources', 'effect', 'expression'];
const CONDITION_FIELDS = ['field', 'operator', 'value', 'value_from'];

export interface Problem {
  /** 1-based line in the file (0 when the problem is the whole text). */
  line: number;
  message: string;
}

export interface RegistryFile {
  namespace: string;
  entries: PolicyEntry[];
  /** Entries of other kinds, kept in the text and ignored. */
  ignored: { id: string; kind: string }[];
  /** Valid but probably not what was meant (literal `*` in a pattern). */
  warnings: Problem[];
}

export type RegistryRead = { ok: true; file: RegistryFile } | { ok: false; problems: Problem[] };

export function readRegistry(text: string): RegistryRead {
  if (text.length > MAX_REGISTRY_LENGTH) {
    return fail(0, `the registry file is longer than ${MAX_REGISTRY_LENGTH} characters`);
  }
  const lines = new LineCounter();
  // uniqueKeys off: yaml's check is quadratic; checkYamlBounds does it in linear time.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      // A broken file can hold thousands of errors; the first ones say what is wrong.
      problems: doc.errors.slice(0, MAX_PROBLEMS).map((e) => ({
        line: lines.linePos(e.pos[0]).line,
        message: e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''),
      })),
    };
  }
  const bound = checkYamlBounds(doc);
  if (bound) return fail(lines.linePos(bound.offset).line, bound.message);
  const reader = new Reader(doc, lines);
  let file: RegistryFile;
  try {
    file = reader.file();
  } catch (e) {
    // yaml's toJS throws on alias bombs (more than maxAliasCount); anything else is ours.
    if (!(e instanceof ReferenceError)) throw e;
    return fail(0, e.message);
  }
  return reader.problems.length > 0 ? { ok: false, problems: reader.problems } : { ok: true, file };
}

function fail(line: number, message: string): RegistryRead {
  return { ok: false, problems: [{ line, message }] };
}

type Path = (string | number)[];

class Reader {
  readonly problems: Problem[] = [];
  private readonly warnings: Problem[] = [];
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  private lineOf(path: Path): number {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        return this.lines.linePos(node.range[0]).line;
      }
    }
    return 1;
  }

  /** The line of a key itself (a value can start on a later line). */
  private lineOfKey(path: Path, key: string): number {
    const map = this.doc.getIn(path, true);
    if (isYamlMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range)
        return this.lines.linePos(pair.key.range[0]).line;
    }
    return this.lineOf([...path, key]);
  }

  private problem(path: Path, message: string): void {
    this.problems.push({ line: this.lineOf(path), message });
  }

  file(): RegistryFile {
    const top: unknown = this.doc.toJS({ maxAliasCount: 100 });
    const empty: RegistryFile = { namespace: '', entries: [], ignored: [], warnings: [] };
    if (!isMap(top)) {
      this.problem([], 'a registry file is a mapping with version, namespace and entries');
      return empty;
    }
    const namespace = top.namespace;
    if (typeof namespace !== 'string' || namespace === '') {
      this.problem(
        ['namespace'],
        'namespace must be a non-empty string (e.g. namespace: app.security)',
      );
      return empty;
    }
    const list = top.entries ?? [];
    if (!Array.isArray(list)) {
      this.problem(['entries'], 'entries must be a list of entries');
      return empty;
    }
    if (list.length > MAX_ENTRIES) {
      this.problem(['entries'], `too many entries: ${list.length} (at most ${MAX_ENTRIES})`);
      return empty;
    }
    const file: RegistryFile = { namespace, entries: [], ignored: [], warnings: this.warnings };
    const seen = new Set<string>();
    list.forEach((raw, i) => {
      const path: Path = ['entries', i];
      if (!isMap(raw) || typeof raw.name !== 'string' || raw.name === '') {
        this.problem(path, `entry ${i + 1}: every entry needs a name`);
        return;
      }
      const id = `${namespace}:${raw.name}`;
      if (seen.has(id)) this.problem([...path, 'name'], `${id}: a second entry with this name`);
      seen.add(id);
      if (typeof raw.kind !== 'string' || raw.kind === '') {
        this.problem(path, `${id}: every entry needs a kind`);
      } else if (raw.kind === POLICY_KIND || raw.kind === EXPR_KIND) {
        const entry = this.entry(raw, raw.kind, id, path, namespace);
        if (entry) file.entries.push(entry);
      } else {
        file.ignored.push({ id, kind: raw.kind });
      }
    });
    return file;
  }

  private entry(
    raw: Record<string, unknown>,
    kind: typeof POLICY_KIND | typeof EXPR_KIND,
    id: string,
    path: Path,
    namespace: string,
  ): PolicyEntry | undefined {
    const before = this.problems.length;
    const at = (...rest: Path) => [...path, ...rest];
    const policy = raw.policy;
    if (!isMap(policy)) {
      this.problem(at('policy'), `${id}: missing policy: {actions, resources, effect}`);
      return undefined;
    }
    this.warnUnknown(raw, ENTRY_FIELDS, id, path);
    this.warnUnknown(
      policy,
      kind === EXPR_KIND ? EXPR_FIELDS : POLICY_FIELDS,
      `${id}: policy`,
      at('policy'),
    );
    const effect = policy.effect;
    if (effect !== 'allow' && effect !== 'deny') {
      this.problem(
        at('policy', 'effect'),
        `${id}: invalid policy effect: ${show(effect)} (allow or deny)`,
      );
    }
    const actions = this.filter(policy.actions, 'actions', id, at('policy', 'actions'));
    const resources = this.filter(policy.resources, 'resources', id, at('policy', 'resources'));
    const groups = this.groups(raw.groups, id, at('groups'), namespace, kind);
    const base = {
      id,
      actions: actions ?? '',
      resources: resources ?? '',
      effect: effect as Effect,
      groups,
      line: this.lineOf(path),
    };
    if (kind === EXPR_KIND) {
      const expression = policy.expression;
      if (typeof expression !== 'string' || expression.trim() === '') {
        this.problem(at('policy', 'expression'), `${id}: expression cannot be empty`);
      } else {
        try {
          parseExpr(expression);
        } catch (e) {
          if (!(e instanceof ExprError)) throw e;
          this.problem(
            at('policy', 'expression'),
            `${id}: failed to compile expression: ${e.message}`,
          );
        }
      }
      if (this.problems.length > before) return undefined;
      return { ...base, kind, expression: expression as string };
    }
    const conditions = this.conditions(policy.conditions, id, at('policy', 'conditions'));
    if (this.problems.length > before) return undefined;
    return { ...base, kind, conditions };
  }

  private filter(
    value: unknown,
    what: 'actions' | 'resources',
    id: string,
    path: Path,
  ): Filter | undefined {
    if (typeof value === 'string') {
      if (value === '') this.problem(path, `${id}: ${what} string cannot be empty`);
      else this.warnPattern(value, what, path);
      return value;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) this.problem(path, `${id}: ${what} list cannot be empty`);
      // Items that are not strings load but never match (util.go matchesFilter).
      const items = value.filter((v): v is string => typeof v === 'string');
      if (items.length < value.length) {
        this.warnings.push({
          line: this.lineOf(path),
          message: `${id}: ${what} items that are not strings never match (the platform ignores them)`,
        });
      }
      items.forEach((item, i) => this.warnPattern(item, what, [...path, i]));
      return items;
    }
    this.problem(path, `${id}: ${what} must be a string or list`);
    return undefined;
  }

  /** Go's decoder drops unknown fields silently; a typo (`condtions:`) would drop a condition. */
  private warnUnknown(
    map: Record<string, unknown>,
    known: readonly string[],
    where: string,
    path: Path,
  ): void {
    for (const key of Object.keys(map)) {
      if (known.includes(key)) continue;
      this.warnings.push({
        line: this.lineOfKey(path, key),
        message: `${where}: unknown field "${key}" is ignored, as on the platform (known: ${known.join(', ')})`,
      });
    }
  }

  private warnPattern(pattern: string, what: 'actions' | 'resources', path: Path): void {
    const warning = patternWarning(pattern, what);
    if (warning) this.warnings.push({ line: this.lineOf(path), message: warning });
  }

  private groups(
    value: unknown,
    id: string,
    path: Path,
    namespace: string,
    kind: string,
  ): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((g) => typeof g === 'string')) {
      this.problem(path, `${id}: groups must be a list of group names`);
      return [];
    }
    // config.go parses "ns:name" (default: the entry's namespace); expr_config.go does not.
    return value.map((g: string) =>
      kind === POLICY_KIND && g.includes(':') ? g : `${namespace}:${g}`,
    );
  }

  private conditions(value: unknown, id: string, path: Path): Condition[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(path, `${id}: conditions must be a list`);
      return [];
    }
    return value.flatMap((raw, i): Condition[] => {
      const here = [...path, i];
      const where = `${id}: condition ${i}`;
      if (!isMap(raw)) {
        this.problem(here, `${where}: a condition is {field, operator, value or value_from}`);
        return [];
      }
      this.warnUnknown(raw, CONDITION_FIELDS, where, here);
      const { field, operator, value: v, value_from: from } = raw;
      if (typeof field !== 'string' || field === '')
        this.problem(here, `${where}: field is required`);
      if (typeof operator !== 'string' || operator === '') {
        this.problem(here, `${where}: operator is required`);
      } else if (!(CONDITION_OPERATORS as readonly string[]).includes(operator)) {
        this.problem([...here, 'operator'], `${where}: invalid operator: ${operator}`);
      }
      if (from !== undefined && typeof from !== 'string') {
        this.problem([...here, 'value_from'], `${where}: value_from must be a field path`);
      }
      if ((v === undefined || v === null) && (from === undefined || from === '')) {
        this.problem(here, `${where}: value or value_from is required`);
      }
      if ((operator === 'matches' || operator === 'nmatches') && typeof v === 'string') {
        const re = compileGoRegexp(v);
        if (!re.ok) this.problem([...here, 'value'], `${where}: ${re.error}`);
      }
      const condition: Condition = {
        field: field as string,
        operator: operator as ConditionOperator,
      };
      if (v !== undefined && v !== null) condition.value = v;
      if (typeof from === 'string' && from !== '') condition.value_from = from;
      return [condition];
    });
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
