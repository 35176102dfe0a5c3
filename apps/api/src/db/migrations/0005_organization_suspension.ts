/**
 * Suspension closes an organization to its members without deleting it:
 * when, and why, as the operator told them.
 */
export const organizationSuspension: readonly string[] = [
  `ALTER TABLE organizations ADD COLUMN suspended_at timestamptz`,
  `ALTER TABLE organizations ADD COLUMN suspension_reason text
     CHECK (length(suspension_reason) BETWEEN 1 AND 500)`,
  // A suspension always says why, and a reason outlives no suspension.
  `ALTER TABLE organizations ADD CONSTRAINT organizations_suspension_check
     CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL))`,
];
