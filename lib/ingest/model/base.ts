import weights from "./weights.json";
import stackRoles from "./stack-roles.json";
import stackWrap from "./stack-wrap.json";
import { modelFromJson, type Model, type ModelJson } from "./model";
import type { StackRolesJson } from "./stack-roles";

/**
 * The lab models: trained by `npm run ingest:train` on the segmentation lab's dev pages
 * (see lib/ingest/README.md), committed as data. Read once, on first use.
 */
let base: Model | null = null;

export function baseModel(): Model {
  base ??= modelFromJson(weights as unknown as ModelJson);
  return base;
}

/** Which part of a two-part stack is the title, where nothing printed tells (./stack-roles.ts). */
export function baseStackRoles(): Readonly<StackRolesJson> {
  return stackRoles as unknown as StackRolesJson;
}

/** Whether two lines read as one title are a kicker over its title, by their words (./stack-wrap.ts). */
export function baseStackWrap(): Readonly<StackRolesJson> {
  return stackWrap as unknown as StackRolesJson;
}
