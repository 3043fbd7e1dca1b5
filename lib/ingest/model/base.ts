import weights from "./weights.json";
import { modelFromJson, type Model, type ModelJson } from "./model";

/**
 * The lab model: trained by `npm run ingest:train` on the segmentation lab's dev pages
 * (see lib/ingest/README.md), committed as data. Read once, on first use.
 */
let base: Model | null = null;

export function baseModel(): Model {
  base ??= modelFromJson(weights as unknown as ModelJson);
  return base;
}
