export { WORKFLOW_ACTIONS, isWorkflowAction } from "./states";
export type { WorkflowAction } from "./states";
export { TRANSITIONS } from "./transitions";
export type { Performer, QuotaOutcome, Requirement, Transition } from "./transitions";
export { decide, allowedActions, allowedActionsOf, subjectFor, unavailableActions, unavailableActionsOf } from "./decide";
export { CORRECTION_POLICY, bodyShare, isSmallCorrection, isSubstantive, measureChange, withCorrectionNote } from "./corrections";
export type { ChangeMeasure } from "./corrections";
export type { UnavailableAction } from "./decide";
export { canEditArticle, onEdit, EDIT_RIGHTS } from "./editing";
export { currentApprovers, requiredApprovals, MAX_APPROVALS, MIN_APPROVALS } from "./approvals";
export { checkIssueReadiness } from "./issue-readiness";
export type {
  ArticleBlockerCode,
  IssueArticle,
  IssueBlocker,
  IssuePage,
  IssueReadinessInput,
  PageBlockerCode,
} from "./issue-readiness";
export type {
  Actor,
  Approval,
  Decision,
  DecideInput,
  Effect,
  Person,
  PhotoProblem,
  Refusal,
  RefusalCode,
  Subject,
  RefusalParams,
  WorkflowArticle,
} from "./types";
