// Small helpers over Xrm.WebApi shared by the map and the form scripts.

const guidPattern = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A record id as the Web API wants it in $filter and URLs: lower case, no braces. Null when not a GUID. */
export function normalizeGuid(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = guidPattern.exec(value.trim());
  return match ? match[1].toLowerCase() : null;
}

/** Reads every page of a retrieveMultipleRecords query (one request unless there are more than 5000 rows). */
export async function retrieveAll(
  webApi: Xrm.WebApi,
  table: string,
  options: string,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let next: string | undefined = options;
  while (next !== undefined) {
    const page: Xrm.RetrieveMultipleResult = await webApi.retrieveMultipleRecords(table, next);
    rows.push(...(page.entities as Record<string, unknown>[]));
    // The documented way to page: pass the query part of nextLink as the next call's options.
    next = page.nextLink ? page.nextLink.substring(page.nextLink.indexOf("?")) : undefined;
  }
  return rows;
}

/** The message of an Xrm error object ({ errorCode, message }), an Error, or anything else thrown. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const message = String((error as { message: unknown }).message);
    if (message) return message;
  }
  return String(error);
}

export function asString(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function asNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** structuralProperty values of getMetadata().parameterTypes (Xrm.WebApi.online.execute). */
export const StructuralProperty = { primitive: 1, entity: 5 } as const;
/** operationType values of getMetadata(). */
export const OperationType = { action: 0, function: 1 } as const;

/** A primitive request parameter of a custom API: its value and its Edm type name (getMetadata().parameterTypes). */
export interface PrimitiveParameter {
  value: number | string | boolean;
  /** Edm.Int32 for Integer and Picklist, Edm.String, Edm.Boolean, Edm.Decimal, Edm.Double, Edm.DateTimeOffset, Edm.Guid. */
  typeName: "Edm.Int32" | "Edm.String" | "Edm.Boolean" | "Edm.Decimal" | "Edm.Double" | "Edm.DateTimeOffset" | "Edm.Guid";
}

/**
 * The request object Xrm.WebApi.online.execute needs for a custom API bound to a table: the
 * record goes in the "entity" property (the Web API binds it; the plugin sees it as Target), each
 * primitive parameter in a property of its name, described in parameterTypes.
 */
export function boundRequest(
  operationName: string,
  operationType: number,
  table: string,
  id: string,
  parameters: Record<string, PrimitiveParameter> = {},
): object {
  const request: Record<string, unknown> = { entity: { entityType: table, id } };
  const parameterTypes: Record<string, { typeName: string; structuralProperty: number }> = {
    entity: { typeName: `mscrm.${table}`, structuralProperty: StructuralProperty.entity },
  };
  for (const [name, parameter] of Object.entries(parameters)) {
    request[name] = parameter.value;
    parameterTypes[name] = { typeName: parameter.typeName, structuralProperty: StructuralProperty.primitive };
  }
  request.getMetadata = () => ({ boundParameter: "entity", operationType, operationName, parameterTypes });
  return request;
}
