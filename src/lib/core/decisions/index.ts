export { canonicalEntry, chainStart, entryHash, sha256Text, DECISIONS, type Decision, type DecisionEntry } from './decision-entry';
export { cleanText, MAX_BY, MAX_REASON } from './clean-text';
export { allowedDecisions, appendDecision, isoWithOffset, type DecisionRequest, type RowStanding } from './append-decision';
export { verifyDecisionLog, type LogCheck } from './verify-decision-log';
export { finalDecisions, decisionCounts, decisionsOffList, rowHistory, NO_DECISION, KEEP, REMOVE, ADD, DECISION_CODE, CODE_DECISION, type FinalDecisions } from './final-decisions';
export { overrideRates, wilson, type OverrideRates } from './override-rates';
export { manifestDecisions, verifyManifestDecisions, DECISION_CHAIN_RULE, type ManifestDecisions, type ManifestDecisionsCheck } from './manifest-decisions';
