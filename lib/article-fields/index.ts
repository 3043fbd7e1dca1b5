export {
  ARTICLE_FIELDS,
  HEADLINE_ROLES,
  PRINTED_FIELDS,
  PRINTED_FIELD_KEYS,
  articleFormFields,
  fieldDisplay,
  formFieldValues,
  headlineFieldsOf,
  sameFieldValue,
  splitNames,
} from "./fields";
export type {
  ArticleField,
  ArticleFieldKey,
  ArticleFieldKind,
  ArticleFieldValues,
  ArticleFormFields,
  HeadlineFields,
  PrintedFieldKey,
  RevisedFieldKey,
} from "./fields";
