// A fake of the Dataverse client API for the browser tests: Xrm.WebApi over an in-memory store
// whose tables, columns, choices and custom APIs come from Solution/src (the test side reads the
// solution and passes its metadata in), Xrm.Navigation, Xrm.Utility and a formContext.
//
// Faithful where the web resources could go wrong: unknown tables, columns, navigation properties
// and custom API parameters fail as Dataverse fails them; lookups come back as _x_value with their
// formatted value and lookuplogicalname annotations, choices with their label; ids come back in
// lower case, getId() in braces and upper case. Every call is recorded for the tests to assert on.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { CustomApis, DealSolution as DealSolutionNames, SolutionAcknowledgement as AckNames } from "../../src/common/names";

// ---- metadata and data the test passes in -------------------------------------------------

export interface ColumnMeta {
  /** Entity.xml Type: nvarchar, int, picklist, lookup, owner, datetime, bit, primarykey, state, status ... */
  type: string;
  /** Lookup targets. */
  targets?: string[];
  /** Single-valued navigation property name (lookups). */
  navigation?: string;
  /** Choice labels by value. */
  options?: Record<string, string>;
}

export interface TableMeta {
  entitySetName: string;
  primaryId: string;
  primaryName: string | null;
  columns: Record<string, ColumnMeta>;
}

export interface CustomApiParameterMeta {
  name: string;
  /** 0 Boolean, 1 DateTime, 2 Decimal, 3 Entity, 4 EntityCollection, 5 EntityReference, 6 Float, 7 Integer, 8 Money, 9 Picklist, 10 String, 11 StringArray, 12 Guid. */
  type: number;
  optional: boolean;
  entity: string | null;
}

export interface CustomApiMeta {
  name: string;
  isFunction: boolean;
  /** 0 Global, 1 Entity, 2 EntityCollection. */
  bindingType: number;
  boundEntity: string | null;
  requestParameters: CustomApiParameterMeta[];
  responseProperties: CustomApiParameterMeta[];
}

export interface Metadata {
  tables: Record<string, TableMeta>;
  customApis: Record<string, CustomApiMeta>;
}

/** A stored record: column logical name to value; lookups as { id, logicalName }. */
export type StoredRecord = Record<string, unknown>;

export interface LookupValue {
  id: string;
  logicalName: string;
}

export interface FormDefinition {
  table: string;
  /** Empty for a create form. */
  id: string | null;
  /** Columns on the form (each gets an attribute and a control of the same name). */
  attributes: string[];
  /** Web resource controls: control name to the iframe element id in the page. */
  webResources?: Record<string, string>;
}

export interface Setup {
  metadata: Metadata;
  records: Record<string, StoredRecord[]>;
  user: { id: string; name: string };
  clientUrl?: string;
}

export interface RecordedCall {
  api: string;
  table?: string;
  id?: string;
  options?: string;
  maxPageSize?: number;
  operationName?: string;
  operationType?: number;
  boundParameter?: string | null;
  parameters?: Record<string, unknown>;
  parameterTypes?: Record<string, unknown>;
  args?: unknown[];
  time: number;
}

export class XrmError extends Error {
  errorCode: number;
  code: number;
  constructor(message: string, errorCode = 0x80060888) {
    super(message);
    this.errorCode = errorCode;
    this.code = errorCode;
  }
}

// ---- the store ------------------------------------------------------------------------------

const FormattedValue = "@OData.Community.Display.V1.FormattedValue";

function normalizeId(id: unknown): string {
  return String(id ?? "").replace(/[{}]/g, "").toLowerCase();
}

function newGuid(): string {
  return crypto.randomUUID();
}

export class Store {
  readonly tables = new Map<string, Map<string, StoredRecord>>();
  constructor(readonly metadata: Metadata, records: Record<string, StoredRecord[]>) {
    for (const [table, rows] of Object.entries(records)) for (const row of rows) this.insert(table, row);
  }

  table(name: string): TableMeta {
    const meta = this.metadata.tables[name];
    if (!meta) throw new XrmError(`The entity with a name = '${name}' with namemapping = 'Logical' was not found in the MetadataCache.`, 0x80041103);
    return meta;
  }

  rows(table: string): StoredRecord[] {
    this.table(table);
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  get(table: string, id: string): StoredRecord | undefined {
    return this.tables.get(table)?.get(normalizeId(id));
  }

  insert(table: string, row: StoredRecord): string {
    const meta = this.table(table);
    const id = normalizeId(row[meta.primaryId] ?? newGuid());
    for (const column of Object.keys(row)) {
      if (!meta.columns[column]) throw new Error(`Test data: ${table} has no column ${column} in Solution/src.`);
    }
    const stored: StoredRecord = { statecode: meta.columns.statecode ? 0 : undefined, ...row, [meta.primaryId]: id };
    if (stored.statecode === undefined) delete stored.statecode;
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map()));
    rows.set(id, stored);
    return id;
  }

  update(table: string, id: string, changes: StoredRecord): void {
    const row = this.get(table, id);
    if (!row) throw new XrmError(`${table} With Id = ${normalizeId(id)} Does Not Exist`, 0x80040217);
    const meta = this.table(table);
    for (const column of Object.keys(changes)) {
      if (!meta.columns[column]) throw new Error(`Test data: ${table} has no column ${column} in Solution/src.`);
    }
    Object.assign(row, changes);
  }

  /** The display name of a record (its primary name column), as a lookup's formatted value shows it. */
  nameOf(table: string, id: string): string | null {
    const meta = this.metadata.tables[table];
    const row = this.get(table, id);
    if (!meta || !row || !meta.primaryName) return null;
    const name = row[meta.primaryName];
    return typeof name === "string" ? name : null;
  }
}

// ---- OData query options ----------------------------------------------------------------------

interface Expand {
  navigation: string;
  select: string[] | null;
}

interface QueryOptions {
  select: string[] | null;
  filter: FilterNode | null;
  expand: Expand[];
  orderBy: { property: string; descending: boolean }[];
  top: number | null;
  skipToken: number;
}

type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; path: string[]; op: string; value: unknown };

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0, quoted = false, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.substring(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.substring(start));
  return parts;
}

export function parseOptions(options: string | undefined): QueryOptions {
  const result: QueryOptions = { select: null, filter: null, expand: [], orderBy: [], top: null, skipToken: 0 };
  if (!options) return result;
  const text = options.startsWith("?") ? options.substring(1) : options;
  if (text.startsWith("fetchXml=")) throw new XrmError("The fake Web API does not run FetchXML; the web resources use OData queries.");
  for (const part of splitTopLevel(text, "&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = decodeURIComponent(part.substring(0, eq));
    const value = decodeURIComponent(part.substring(eq + 1));
    switch (name) {
      case "$select": result.select = value.split(",").map((s) => s.trim()); break;
      case "$filter": result.filter = parseFilter(value); break;
      case "$expand":
        result.expand = splitTopLevel(value, ",").map((e) => {
          const open = e.indexOf("(");
          if (open < 0) return { navigation: e.trim(), select: null };
          const inner = e.substring(open + 1, e.lastIndexOf(")"));
          const nested = parseOptions(inner.replace(/;/g, "&"));
          return { navigation: e.substring(0, open).trim(), select: nested.select };
        });
        break;
      case "$orderby":
        result.orderBy = value.split(",").map((o) => {
          const [property, direction] = o.trim().split(/\s+/);
          return { property, descending: direction?.toLowerCase() === "desc" };
        });
        break;
      case "$top": result.top = Number(value); break;
      case "$skiptoken": result.skipToken = Number(value); break;
      default: throw new XrmError(`The query parameter ${name} is not supported`, 0x80060888);
    }
  }
  return result;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*('(?:[^']|'')*'|\(|\)|[^\s()]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (m[1]) tokens.push(m[1]);
  return tokens;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const t = tokens[pos++];
    if (t === undefined) throw new XrmError(`Syntax error at the end of the $filter '${text}'.`);
    return t;
  };
  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (peek()?.toLowerCase() === "or") { pos++; left = { kind: "or", left, right: parseAnd() }; }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (peek()?.toLowerCase() === "and") { pos++; left = { kind: "and", left, right: parseUnary() }; }
    return left;
  };
  const parseUnary = (): FilterNode => {
    const t = next();
    if (t.toLowerCase() === "not") return { kind: "not", operand: parseUnary() };
    if (t === "(") {
      const inner = parseOr();
      if (next() !== ")") throw new XrmError(`Syntax error in $filter '${text}': ')' expected.`);
      return inner;
    }
    const op = next().toLowerCase();
    if (!["eq", "ne", "gt", "ge", "lt", "le"].includes(op)) throw new XrmError(`Syntax error in $filter '${text}': unknown operator '${op}'.`);
    return { kind: "compare", path: t.split("/"), op, value: literal(next()) };
  };
  const node = parseOr();
  if (pos !== tokens.length) throw new XrmError(`Syntax error in $filter '${text}' at '${tokens[pos]}'.`);
  return node;
}

function literal(token: string): unknown {
  if (token.startsWith("'")) return token.substring(1, token.length - 1).replace(/''/g, "'");
  if (token === "null") return null;
  if (token === "true") return true;
  if (token === "false") return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)) return token.toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  throw new XrmError(`Syntax error: '${token}' is not a valid literal (GUIDs are written without quotes or braces).`);
}

// ---- the Web API --------------------------------------------------------------------------------

/** Resolves a Web API property name (x, _x_value) to its column. */
function propertyColumn(meta: TableMeta, table: string, property: string): { column: string; col: ColumnMeta } {
  const lookup = /^_(.+)_value$/.exec(property);
  if (lookup) {
    const col = meta.columns[lookup[1]];
    if (col && isLookup(col)) return { column: lookup[1], col };
  } else {
    const col = meta.columns[property];
    if (col && !isLookup(col)) return { column: property, col };
  }
  throw new XrmError(`Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${table}'.`, 0x80060888);
}

function isLookup(col: ColumnMeta): boolean {
  return col.type === "lookup" || col.type === "owner" || col.type === "customer";
}

function navigationColumn(meta: TableMeta, table: string, navigation: string): { column: string; col: ColumnMeta } {
  for (const [column, col] of Object.entries(meta.columns)) {
    if (isLookup(col) && col.navigation === navigation) return { column, col };
  }
  throw new XrmError(`Could not find a property named '${navigation}' on type 'Microsoft.Dynamics.CRM.${table}'.`, 0x80060888);
}

export class FakeWebApi {
  readonly calls: RecordedCall[];
  /** Custom API implementations by unique name. */
  readonly customApiHandlers = new Map<string, (parameters: Record<string, unknown>, bound: LookupValue | null) => Record<string, unknown>>();
  /** A fixed delay (ms) before each response, to make request overlap visible. */
  latency = 0;

  constructor(readonly store: Store, calls: RecordedCall[]) {
    this.calls = calls;
  }

  private async respond<T>(work: () => T): Promise<T> {
    await new Promise((resolve) => setTimeout(resolve, this.latency));
    return work();
  }

  /** The record as the Web API returns it: selected properties, lookups as _x_value with annotations. */
  serialize(table: string, row: StoredRecord, select: string[] | null, expand: Expand[] = []): Record<string, unknown> {
    const meta = this.store.table(table);
    const out: Record<string, unknown> = { "@odata.etag": `W/"${Math.floor(Math.random() * 1e6)}"` };
    const properties = select ?? Object.keys(meta.columns).map((c) => (isLookup(meta.columns[c]) ? `_${c}_value` : c));
    for (const property of properties) {
      const { column, col } = propertyColumn(meta, table, property);
      const value = row[column];
      if (isLookup(col)) {
        const ref = value as LookupValue | null | undefined;
        out[property] = ref ? normalizeId(ref.id) : null;
        if (ref) {
          out[property + FormattedValue] = this.store.nameOf(ref.logicalName, ref.id);
          out[property + "@Microsoft.Dynamics.CRM.lookuplogicalname"] = ref.logicalName;
          if (col.navigation) out[property + "@Microsoft.Dynamics.CRM.associatednavigationproperty"] = col.navigation;
        }
      } else {
        out[property] = value ?? null;
        if (value !== null && value !== undefined && col.options) out[property + FormattedValue] = col.options[String(value)] ?? String(value);
      }
    }
    out[meta.primaryId] = row[meta.primaryId];
    for (const e of expand) {
      const { column } = navigationColumn(meta, table, e.navigation);
      const ref = row[column] as LookupValue | null | undefined;
      const target = ref ? this.store.get(ref.logicalName, ref.id) : undefined;
      out[e.navigation] = ref && target ? this.serialize(ref.logicalName, target, e.select) : null;
    }
    return out;
  }

  private valueAt(table: string, row: StoredRecord, path: string[]): unknown {
    const meta = this.store.table(table);
    if (path.length > 1) {
      const { column } = navigationColumn(meta, table, path[0]);
      const ref = row[column] as LookupValue | null | undefined;
      const target = ref ? this.store.get(ref.logicalName, ref.id) : undefined;
      return target ? this.valueAt(ref!.logicalName, target, path.slice(1)) : null;
    }
    const { column, col } = propertyColumn(meta, table, path[0]);
    const value = row[column];
    if (isLookup(col)) return value ? normalizeId((value as LookupValue).id) : null;
    return value ?? null;
  }

  private matches(table: string, row: StoredRecord, node: FilterNode): boolean {
    switch (node.kind) {
      case "and": return this.matches(table, row, node.left) && this.matches(table, row, node.right);
      case "or": return this.matches(table, row, node.left) || this.matches(table, row, node.right);
      case "not": return !this.matches(table, row, node.operand);
      case "compare": {
        const actual = this.valueAt(table, row, node.path) as any;
        const expected = node.value as any;
        switch (node.op) {
          case "eq": return actual === expected;
          case "ne": return actual !== expected;
          case "gt": return actual !== null && actual > expected;
          case "ge": return actual !== null && actual >= expected;
          case "lt": return actual !== null && actual < expected;
          case "le": return actual !== null && actual <= expected;
        }
      }
    }
    return false;
  }

  /** Checks every property a query names against the metadata, as Dataverse does, even when no row matches. */
  private validate(table: string, q: QueryOptions): void {
    const meta = this.store.table(table);
    for (const property of q.select ?? []) propertyColumn(meta, table, property);
    for (const o of q.orderBy) propertyColumn(meta, table, o.property);
    const walk = (node: FilterNode | null): void => {
      if (!node) return;
      if (node.kind === "not") { walk(node.operand); return; }
      if (node.kind !== "compare") { walk(node.left); walk(node.right); return; }
      let current = table;
      for (let i = 0; i < node.path.length - 1; i++) {
        const { col } = navigationColumn(this.store.table(current), current, node.path[i]);
        current = col.targets?.[0] ?? current;
      }
      propertyColumn(this.store.table(current), current, node.path[node.path.length - 1]);
    };
    walk(q.filter);
    for (const e of q.expand) {
      const { col } = navigationColumn(meta, table, e.navigation);
      const target = col.targets?.[0];
      if (target && e.select) for (const p of e.select) propertyColumn(this.store.table(target), target, p);
    }
  }

  retrieveMultipleRecords = (table: string, options?: string, maxPageSize?: number): Promise<Xrm.RetrieveMultipleResult> => {
    this.calls.push({ api: "retrieveMultipleRecords", table, options, maxPageSize, time: performance.now() });
    return this.respond(() => {
      const q = parseOptions(options);
      this.validate(table, q);
      let rows = this.store.rows(table).filter((row) => !q.filter || this.matches(table, row, q.filter));
      for (const o of [...q.orderBy].reverse()) {
        rows = [...rows].sort((a, b) => {
          const x = this.valueAt(table, a, [o.property]) as any, y = this.valueAt(table, b, [o.property]) as any;
          const c = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
          return o.descending ? -c : c;
        });
      }
      if (q.top !== null) rows = rows.slice(0, q.top);
      const pageSize = Math.min(maxPageSize ?? 5000, 5000);
      const page = rows.slice(q.skipToken, q.skipToken + pageSize);
      const result: Xrm.RetrieveMultipleResult = { entities: page.map((r) => this.serialize(table, r, q.select, q.expand)) } as any;
      if (q.skipToken + pageSize < rows.length) {
        const base = (options ?? "?").replace(/&?\$skiptoken=\d+/, "");
        result.nextLink = `https://contoso.crm.test/api/data/v9.2/${this.store.table(table).entitySetName}${base}${base.length > 1 ? "&" : ""}$skiptoken=${q.skipToken + pageSize}`;
      }
      return result;
    });
  };

  retrieveRecord = (table: string, id: string, options?: string): Promise<any> => {
    this.calls.push({ api: "retrieveRecord", table, id, options, time: performance.now() });
    return this.respond(() => {
      const q = parseOptions(options);
      this.validate(table, q);
      const row = this.store.get(table, id);
      if (!row) throw new XrmError(`${table} With Id = ${normalizeId(id)} Does Not Exist`, 0x80040217);
      return this.serialize(table, row, q.select, q.expand);
    });
  };

  execute = (request: any): Promise<Response> => {
    if (!request || typeof request.getMetadata !== "function") {
      this.calls.push({ api: "execute", time: performance.now() });
      return Promise.reject(new XrmError("The request object has no getMetadata method."));
    }
    const metadata = request.getMetadata();
    const parameters: Record<string, unknown> = {};
    for (const key of Object.keys(request)) if (key !== "getMetadata") parameters[key] = request[key];
    this.calls.push({
      api: "execute",
      operationName: metadata.operationName,
      operationType: metadata.operationType,
      boundParameter: metadata.boundParameter,
      parameters: JSON.parse(JSON.stringify(parameters)),
      parameterTypes: JSON.parse(JSON.stringify(metadata.parameterTypes ?? {})),
      time: performance.now(),
    });
    return this.respond(() => {
      const { api, bound, values } = this.checkCustomApiRequest(metadata, parameters);
      const handler = this.customApiHandlers.get(metadata.operationName);
      if (!handler) throw new XrmError(`The fake has no implementation of ${metadata.operationName}.`);
      const body = handler(values, bound);
      const declared = new Set(api.responseProperties.map((p) => p.name));
      for (const key of Object.keys(body)) {
        if (!declared.has(key)) throw new Error(`Test setup: the fake ${api.name} returns ${key}, which Solution/src does not declare as a response property.`);
      }
      return new Response(JSON.stringify({ "@odata.context": "https://contoso.crm.test/api/data/v9.2/$metadata", ...body }), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      });
    });
  };

  /** Validates a request against the custom API's definition in Solution/src; returns the parameter values. */
  private checkCustomApiRequest(metadata: any, parameters: Record<string, unknown>): { api: CustomApiMeta; bound: LookupValue | null; values: Record<string, unknown> } {
    const api = this.store.metadata.customApis[metadata.operationName];
    if (!api) throw new XrmError(`Resource not found for the segment '${metadata.operationName}'.`, 0x80060888);
    const expectedType = api.isFunction ? 1 : 0;
    if (metadata.operationType !== expectedType) {
      throw new XrmError(`${api.name} is ${api.isFunction ? "a function (operationType 1)" : "an action (operationType 0)"}, but the request says operationType ${metadata.operationType}.`);
    }
    let bound: LookupValue | null = null;
    if (api.bindingType === 0) {
      if (metadata.boundParameter !== null) throw new XrmError(`${api.name} is not bound; boundParameter must be null, not ${JSON.stringify(metadata.boundParameter)}.`);
    } else {
      if (metadata.boundParameter !== "entity") throw new XrmError(`${api.name} is bound to ${api.boundEntity}; boundParameter must be "entity".`);
      const entity = parameters.entity as { entityType?: string; id?: string } | undefined;
      if (!entity?.id || entity.entityType !== api.boundEntity) throw new XrmError(`${api.name} needs entity: { entityType: "${api.boundEntity}", id }.`);
      bound = { id: normalizeId(entity.id), logicalName: entity.entityType };
    }
    const declared = new Map(api.requestParameters.map((p) => [p.name, p]));
    const types = (metadata.parameterTypes ?? {}) as Record<string, { typeName?: string; structuralProperty?: number }>;
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(parameters)) {
      if (name === "entity" && bound) continue;
      const p = declared.get(name);
      if (!p) throw new XrmError(`${api.name} has no parameter named '${name}' (it has ${[...declared.keys()].join(", ") || "none"}).`);
      const t = types[name];
      if (!t) throw new XrmError(`getMetadata().parameterTypes has no entry for ${name}.`);
      values[name] = this.checkParameter(api.name, p, value, t);
    }
    for (const p of api.requestParameters) {
      if (!p.optional && !(p.name in values)) throw new XrmError(`${api.name}: the required parameter ${p.name} is missing.`);
    }
    return { api, bound, values };
  }

  private checkParameter(apiName: string, p: CustomApiParameterMeta, value: unknown, t: { typeName?: string; structuralProperty?: number }): unknown {
    const fail = (expected: string): never => {
      throw new XrmError(`${apiName}.${p.name}: expected ${expected}, got typeName ${t.typeName} / structuralProperty ${t.structuralProperty} with value ${JSON.stringify(value)}.`);
    };
    const primitive: Record<number, string> = { 0: "Edm.Boolean", 1: "Edm.DateTimeOffset", 2: "Edm.Decimal", 6: "Edm.Double", 7: "Edm.Int32", 9: "Edm.Int32", 10: "Edm.String", 12: "Edm.Guid" };
    if (p.type === 5) {
      // EntityReference: { "@odata.type": "Microsoft.Dynamics.CRM.<table>", <primary id>: guid }
      const entity = p.entity;
      if (t.structuralProperty !== 5 || (entity && t.typeName !== `mscrm.${entity}` && t.typeName !== "mscrm.crmbaseentity")) fail(`an EntityReference: typeName mscrm.${entity}, structuralProperty 5`);
      const v = value as Record<string, unknown>;
      const odataType = String(v?.["@odata.type"] ?? "");
      const table = odataType.replace("Microsoft.Dynamics.CRM.", "");
      const meta = this.store.metadata.tables[table];
      if (!meta || (entity && table !== entity)) fail(`{ "@odata.type": "Microsoft.Dynamics.CRM.${entity}", ${entity}id: guid }`);
      const id = v[meta!.primaryId];
      if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) fail(`the ${meta!.primaryId} property holding the GUID`);
      return { id: normalizeId(id), logicalName: table };
    }
    const typeName = primitive[p.type];
    if (!typeName || t.structuralProperty !== 1 || t.typeName !== typeName) fail(`typeName ${typeName}, structuralProperty 1`);
    if ((p.type === 7 || p.type === 9) && !Number.isInteger(value)) fail("an integer value");
    if (p.type === 10 && typeof value !== "string") fail("a string value");
    if (p.type === 0 && typeof value !== "boolean") fail("a boolean value");
    return value;
  }
}

// ---- formContext --------------------------------------------------------------------------------

export interface NotificationRecord {
  message: string;
  level: string;
  uniqueId: string;
}

export class FakeAttribute {
  submitMode: Xrm.SubmitMode = "dirty";
  initial: unknown;
  readonly onChange: ((ctx: any) => void)[] = [];
  constructor(readonly name: string, public value: unknown) {
    this.initial = value;
  }
  getName = (): string => this.name;
  getValue = (): any => this.value;
  setValue = (value: unknown): void => { this.value = value; };
  getIsDirty = (): boolean => JSON.stringify(this.value) !== JSON.stringify(this.initial);
  setSubmitMode = (mode: Xrm.SubmitMode): void => { this.submitMode = mode; };
  getSubmitMode = (): Xrm.SubmitMode => this.submitMode;
  addOnChange = (handler: (ctx: any) => void): void => { this.onChange.push(handler); };
  getAttributeType = (): string => "unknown";
}

export class FakeControl {
  readonly notifications = new Map<string, Xrm.Controls.AddControlNotificationOptions>();
  constructor(readonly name: string, readonly attribute: FakeAttribute | null, readonly frame: HTMLIFrameElement | null) {}
  getName = (): string => this.name;
  getAttribute = (): FakeAttribute | null => this.attribute;
  getControlType = (): string => (this.frame ? "webresource" : "standard");
  addNotification = (notification: Xrm.Controls.AddControlNotificationOptions): void => {
    if (!notification.uniqueId) throw new Error("addNotification needs a uniqueId.");
    this.notifications.set(notification.uniqueId, notification);
  };
  clearNotification = (uniqueId?: string): boolean => {
    if (uniqueId === undefined) { this.notifications.clear(); return true; }
    return this.notifications.delete(uniqueId);
  };
  setNotification = (message: string, uniqueId: string): boolean => {
    this.notifications.set(uniqueId, { messages: [message], uniqueId, notificationLevel: "ERROR" });
    return true;
  };
  getContentWindow = (): Promise<Window> => {
    const frame = this.frame;
    if (!frame) return Promise.reject(new Error(`${this.name} is not an iframe or web resource control.`));
    return new Promise((resolve) => {
      const ready = (): void => resolve(frame.contentWindow!);
      if (frame.contentDocument?.readyState === "complete" && frame.contentWindow?.location.href !== "about:blank") ready();
      else frame.addEventListener("load", ready, { once: true });
    });
  };
}

export class FakeForm {
  readonly attributes = new Map<string, FakeAttribute>();
  readonly controls = new Map<string, FakeControl>();
  readonly notifications = new Map<string, NotificationRecord>();
  readonly notificationLog: { action: "set" | "clear"; uniqueId: string; level?: string; message?: string }[] = [];
  readonly dataOnLoad: ((ctx: any) => unknown)[] = [];
  readonly onSave: ((ctx: any) => unknown)[] = [];
  readonly onPostSave: ((ctx: any) => unknown)[] = [];
  readonly pending: Promise<unknown>[] = [];
  id: string | null;
  readonly formContext: any;

  constructor(readonly definition: FormDefinition, readonly store: Store, readonly webApi: FakeWebApi) {
    this.id = definition.id ? normalizeId(definition.id) : null;
    const meta = store.table(definition.table);
    for (const name of definition.attributes) {
      if (!meta.columns[name]) throw new Error(`Test form: ${definition.table} has no column ${name} in Solution/src.`);
      const attribute = new FakeAttribute(name, this.storedValue(name));
      this.attributes.set(name, attribute);
      this.controls.set(name, new FakeControl(name, attribute, null));
    }
    for (const [control, frameId] of Object.entries(definition.webResources ?? {})) {
      const frame = document.getElementById(frameId) as HTMLIFrameElement | null;
      if (!frame) throw new Error(`Test form: no iframe #${frameId} for ${control}.`);
      this.controls.set(control, new FakeControl(control, null, frame));
    }
    const form = this;
    this.formContext = {
      data: {
        entity: {
          getId: () => (form.id ? `{${form.id.toUpperCase()}}` : ""),
          getEntityName: () => definition.table,
          getIsDirty: () => [...form.attributes.values()].some((a) => a.getIsDirty()),
          addOnSave: (h: any) => form.onSave.push(h),
          addOnPostSave: (h: any) => form.onPostSave.push(h),
          save: () => form.save(),
          attributes: { get: () => [...form.attributes.values()] },
        },
        addOnLoad: (h: any) => form.dataOnLoad.push(h),
        refresh: (save?: boolean) => (save ? form.save() : form.reload()),
        save: () => form.save(),
      },
      ui: {
        setFormNotification: (message: string, level: string, uniqueId: string) => {
          if (!["ERROR", "WARNING", "INFO"].includes(level)) throw new Error(`setFormNotification: level must be ERROR, WARNING or INFO, not ${level}.`);
          if (!uniqueId) throw new Error("setFormNotification: a uniqueId is required.");
          form.notifications.set(uniqueId, { message, level, uniqueId });
          form.notificationLog.push({ action: "set", uniqueId, level, message });
          form.renderNotifications();
          return true;
        },
        clearFormNotification: (uniqueId: string) => {
          form.notificationLog.push({ action: "clear", uniqueId });
          const had = form.notifications.delete(uniqueId);
          form.renderNotifications();
          return had;
        },
        getFormType: () => (form.id ? 2 : 1),
        controls: { get: () => [...form.controls.values()] },
      },
      getAttribute: (name: string) => form.attributes.get(name) ?? null,
      getControl: (name: string) => form.controls.get(name) ?? null,
    };
  }

  private storedValue(column: string): unknown {
    if (!this.id) return null;
    const row = this.store.get(this.definition.table, this.id);
    const value = row?.[column];
    if (value && typeof value === "object" && "id" in (value as any)) {
      const ref = value as LookupValue;
      return [{ id: `{${normalizeId(ref.id).toUpperCase()}}`, entityType: ref.logicalName, name: this.store.nameOf(ref.logicalName, ref.id) }];
    }
    return value ?? null;
  }

  executionContext(eventArgs?: unknown): any {
    return { getFormContext: () => this.formContext, getEventArgs: () => eventArgs ?? null, getEventSource: () => this.formContext.data.entity, getDepth: () => 0 };
  }

  private track(result: unknown): void {
    if (result && typeof (result as any).then === "function") this.pending.push(result as Promise<unknown>);
  }

  /** Waits until every handler's promise (and any they started through the fake) settled. */
  async settle(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      const pending = this.pending.splice(0);
      await Promise.allSettled(pending);
      await new Promise((resolve) => setTimeout(resolve, (this.webApi.latency ?? 0) + 20));
      if (this.pending.length === 0) return;
    }
  }

  /** Runs a handler named as a form's event handler is (e.g. "TeamSelling.Opportunity.onLoad"). */
  runHandler(functionName: string): unknown {
    let target: any = window;
    for (const part of functionName.split(".")) {
      target = target?.[part];
      if (target === undefined) throw new Error(`The form handler ${functionName} is not defined: no '${part}'.`);
    }
    if (typeof target !== "function") throw new Error(`${functionName} is not a function.`);
    const result = target(this.executionContext());
    this.track(result);
    return result;
  }

  /** Re-reads the record into the attributes and raises the data OnLoad event. */
  reload(): Promise<void> {
    for (const [name, attribute] of this.attributes) {
      attribute.value = attribute.initial = this.storedValue(name);
      attribute.submitMode = "dirty";
    }
    for (const h of this.dataOnLoad) this.track(h(this.executionContext()));
    return Promise.resolve();
  }

  /** OnSave handlers, then the "server" (the store, through the save hook), then OnPostSave. */
  async save(): Promise<void> {
    let prevented = false;
    const saveArgs = { preventDefault: () => { prevented = true; }, isDefaultPrevented: () => prevented, getSaveMode: () => 1 };
    for (const h of this.onSave) h(this.executionContext(saveArgs));
    if (prevented) return;
    const changes: StoredRecord = {};
    for (const [name, a] of this.attributes) {
      if (a.submitMode === "always" || (a.submitMode === "dirty" && a.getIsDirty())) changes[name] = a.value;
    }
    let error: { message: string; errorCode: number } | null = null;
    try {
      state.lastSubmitted = { ...changes };
      const hook = state.saveHooks.get(this.definition.table);
      if (hook) hook(this.store.get(this.definition.table, this.id!) ?? null, changes);
      else if (this.id) this.store.update(this.definition.table, this.id, changes);
    } catch (e) {
      error = { message: (e as Error).message, errorCode: (e as XrmError).errorCode ?? -2147220891 };
    }
    const postArgs = {
      getIsSaveSuccess: () => error === null,
      getSaveErrorInfo: () => error,
      getEntityReference: () => ({ id: this.id, entityType: this.definition.table }),
    };
    if (!error) await this.reload();
    for (const h of this.onPostSave) this.track(h(this.executionContext(postArgs)));
  }

  renderNotifications(): void {
    const host = document.getElementById("form-notifications");
    if (!host) return;
    host.replaceChildren(...[...this.notifications.values()].map((n) => {
      const div = document.createElement("div");
      div.className = `notification ${n.level.toLowerCase()}`;
      div.textContent = `${n.level}: ${n.message}`;
      return div;
    }));
  }
}

// ---- Xrm ----------------------------------------------------------------------------------------

export interface FakeXrmState {
  calls: RecordedCall[];
  store: Store | null;
  webApi: FakeWebApi | null;
  form: FakeForm | null;
  saveHooks: Map<string, (before: StoredRecord | null, changes: StoredRecord) => void>;
  lastSubmitted: StoredRecord | null;
}

export const state: FakeXrmState = { calls: [], store: null, webApi: null, form: null, saveHooks: new Map(), lastSubmitted: null };

export function install(setup: Setup): void {
  state.saveHooks.clear();
  state.lastSubmitted = null;
  const calls: RecordedCall[] = [];
  const store = new Store(setup.metadata, setup.records);
  const webApi = new FakeWebApi(store, calls);
  state.calls = calls;
  state.store = store;
  state.webApi = webApi;
  const record = (api: string) => (...args: unknown[]) => {
    calls.push({ api, args: JSON.parse(JSON.stringify(args)), time: performance.now() });
  };
  const openForm = record("Navigation.openForm");
  const navigateTo = record("Navigation.navigateTo");
  const online = {
    retrieveMultipleRecords: webApi.retrieveMultipleRecords,
    retrieveRecord: webApi.retrieveRecord,
    execute: webApi.execute,
    createRecord: () => Promise.reject(new XrmError("createRecord is not used by the web resources.")),
    updateRecord: () => Promise.reject(new XrmError("updateRecord is not used by the web resources.")),
    deleteRecord: () => Promise.reject(new XrmError("deleteRecord is not used by the web resources.")),
  };
  (window as any).Xrm = {
    WebApi: { ...online, online, offline: online },
    Navigation: {
      openForm: (options: unknown) => { openForm(options); return Promise.resolve({ savedEntityReference: [] }); },
      navigateTo: (page: unknown, options: unknown) => { navigateTo(page, options); return Promise.resolve(); },
      openAlertDialog: (...args: unknown[]) => { record("Navigation.openAlertDialog")(...args); return Promise.resolve(); },
    },
    Utility: {
      getGlobalContext: () => ({
        userSettings: { userId: `{${normalizeId(setup.user.id).toUpperCase()}}`, userName: setup.user.name, languageId: 1033 },
        getClientUrl: () => setup.clientUrl ?? "https://contoso.crm.test",
      }),
    },
  };
}

export function openForm(definition: FormDefinition): void {
  if (!state.store || !state.webApi) throw new Error("Call FakeXrm.install first.");
  state.form = new FakeForm(definition, state.store, state.webApi);
}

/** Loads a script into the page as a form library is loaded (a classic script, globals on window). */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}.`));
    document.head.append(script);
  });
}

export function registerCustomApi(name: string, handler: (parameters: Record<string, unknown>, bound: LookupValue | null) => Record<string, unknown>): void {
  if (!state.webApi) throw new Error("Call FakeXrm.install first.");
  state.webApi.customApiHandlers.set(name, handler);
}

export { normalizeId };

// ---- the server side of the team-selling custom APIs and the deal solution's conflict rule ------
// Simplified stand-ins for the plugins (issues 6 and 7), enough for the web resources' tests.


export interface DealServerOptions {
  /** The coverage the API returns (the contract's JSON object), or null to make the call fail. */
  coverage: unknown | null;
  coverageError?: string;
  /** When set, the acknowledge API fails with this message. */
  acknowledgeError?: string;
  /** The user who is "someone else" in conflict scenarios. */
  otherUser?: { id: string; name: string };
}

export function installDealServer(options: DealServerOptions, currentUserId: string): void {
  const store = state.store!;
  registerCustomApi(CustomApis.getDealCoverage.name, () => {
    if (options.coverage === null) throw new XrmError(options.coverageError ?? "The coverage could not be computed.", 0x80040265);
    const coverage = options.coverage as { readinessScore?: number };
    const api = store.metadata.customApis[CustomApis.getDealCoverage.name];
    const body: Record<string, unknown> = { [CustomApis.getDealCoverage.coverageProperty]: JSON.stringify(coverage) };
    if (api?.responseProperties.some((p) => p.name === CustomApis.getDealCoverage.readinessProperty)) {
      body[CustomApis.getDealCoverage.readinessProperty] = coverage.readinessScore ?? 0;
    }
    return body;
  });
  registerCustomApi(CustomApis.acknowledgeDealSolution.name, (parameters, target) => {
    const solution = target ? store.get(DealSolutionNames.table, target.id) : undefined;
    if (!target || !solution) throw new XrmError("The deal solution to acknowledge was not found.", 0x80040217);
    if (options.acknowledgeError) throw new XrmError(options.acknowledgeError, 0x80040265);
    const current = solution[DealSolutionNames.version] as number;
    // The plugin's refusal of a version that is not the current one, worded as UserMessages.DealSolutionAcknowledgeOldVersion.
    const requested = parameters[CustomApis.acknowledgeDealSolution.versionParameter];
    if (requested !== undefined && requested !== current) {
      const name = store.nameOf(DealSolutionNames.table, target.id);
      const changer = solution.modifiedby ? store.nameOf("systemuser", (solution.modifiedby as LookupValue).id) : null;
      throw new XrmError(`You asked to acknowledge version ${requested} of '${name}', but the current version is ${current} ` +
        `(last changed by ${changer ?? "a colleague"}). Open the current version, read it, and acknowledge that one.`, 0x80040265);
    }
    const mine = store.rows(AckNames.table).find((a) =>
      normalizeId((a[AckNames.dealSolution] as LookupValue).id) === target.id && normalizeId((a[AckNames.user] as LookupValue).id) === normalizeId(currentUserId));
    if (mine) store.update(AckNames.table, mine[store.table(AckNames.table).primaryId] as string, { [AckNames.version]: current });
    else store.insert(AckNames.table, {
      [AckNames.dealSolution]: { id: target.id, logicalName: DealSolutionNames.table },
      [AckNames.user]: { id: normalizeId(currentUserId), logicalName: "systemuser" },
      [AckNames.version]: current,
    });
    return { [CustomApis.acknowledgeDealSolution.acknowledgedVersionProperty]: current };
  });
  // The conflict rule of the deal solution plugin: a change based on an older version is refused.
  state.saveHooks.set(DealSolutionNames.table, (before, changes) => {
    if (!before) throw new XrmError("Creating a deal solution is not part of these tests.");
    const current = before[DealSolutionNames.version] as number;
    const base = changes[DealSolutionNames.baseVersion];
    if (typeof base !== "number") throw new XrmError(`The change carries no ${DealSolutionNames.baseVersion}; the conflict check cannot run.`, 0x80040265);
    if (base < current) {
      const who = before.modifiedby ? store.nameOf("systemuser", (before.modifiedby as LookupValue).id) : "someone";
      throw new XrmError(`This solution was changed by ${who} to version ${current} after you opened version ${base}. Refresh to see their change.`, 0x80040265);
    }
    const content = Object.keys(changes).filter((c) => c !== DealSolutionNames.baseVersion);
    const update: StoredRecord = { ...changes };
    if (content.length > 0) {
      update[DealSolutionNames.version] = current + 1;
      update.modifiedby = { id: normalizeId(currentUserId), logicalName: "systemuser" };
    }
    store.update(DealSolutionNames.table, before[store.table(DealSolutionNames.table).primaryId] as string, update);
  });
}
