export { WORKFLOW_ACTIONS, isWorkflowAction } from "./states";
export type { WorkflowAction } from "./states";
export { TRANSITIONS } from "./transitions";
export type { Performer, QuotaOutcome, Requirement, Transition } from "./transitions";
export { decide, allowedActions } from "./decide";
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
  WorkflowArticle,
} from "./types";
