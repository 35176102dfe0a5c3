import { z } from "zod";
import { afterCommit, platformTransaction, type Tx } from "../db/scope.js";
import { notFound, validationError } from "../http/errors.js";
import { recordSecurityEvent } from "../security/events.js";
import type { Services } from "../services.js";

/** Whether an organization is suspended: since when and why, or open. */
export interface OrganizationSuspension {
  organizationId: string;
  suspendedAt: Date | null;
  reason: string | null;
}

const suspendOptionsSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});

/** What an operator gives when suspending; the reason is kept and logged. */
export type SuspendOptions = z.infer<typeof suspendOptionsSchema>;

const organizationIdSchema = z.uuid();

/** An id that cannot name an organization is not found, like a stranger's. */
function organizationIdOf(organizationId: string): string {
  if (!organizationIdSchema.safeParse(organizationId).success) {
    throw notFound("Organization");
  }
  return organizationId;
}

/** Reads and locks the organization's row, so two operators queue up. */
async function lockSuspension(
  tx: Tx,
  organizationId: string,
): Promise<OrganizationSuspension> {
  const row = await tx
    .selectFrom("organizations")
    .select(["id", "suspended_at", "suspension_reason"])
    .where("id", "=", organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) {
    throw notFound("Organization");
  }
  return {
    organizationId: row.id,
    suspendedAt: row.suspended_at,
    reason: row.suspension_reason,
  };
}

/**
 * Closes an organization to all its members without deleting anything.
 * Their next request is refused with `organization_suspended`, their live
 * sockets are disconnected on every instance once this commits, and nobody
 * can sign in, refresh, switch or accept an invitation into it until it is
 * reinstated. Suspending a suspended organization changes nothing.
 */
export async function suspendOrganization(
  services: Services,
  organizationId: string,
  options: SuspendOptions,
): Promise<OrganizationSuspension> {
  const parsed = suspendOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw validationError(parsed.error);
  }
  const { reason } = parsed.data;
  const id = organizationIdOf(organizationId);

  return platformTransaction(services.db, id, async (tx) => {
    const current = await lockSuspension(tx, id);
    if (current.suspendedAt) {
      return current;
    }

    const suspendedAt = new Date();
    await tx
      .updateTable("organizations")
      .set({
        suspended_at: suspendedAt,
        suspension_reason: reason,
        updated_at: suspendedAt,
      })
      .where("id", "=", id)
      .execute();
    await recordSecurityEvent(tx, {
      type: "organization.suspended",
      organizationId: id,
      details: { reason },
    });
    afterCommit(tx, () => {
      services.events.disconnectOrganization(id);
      services.logger.info({ organizationId: id }, "organization suspended");
    });
    return { organizationId: id, suspendedAt, reason };
  });
}

/**
 * Opens a suspended organization to its members again: the tokens and
 * sessions they still hold work from their next request. Reinstating an
 * open organization changes nothing.
 */
export async function reinstateOrganization(
  services: Services,
  organizationId: string,
): Promise<OrganizationSuspension> {
  const id = organizationIdOf(organizationId);

  return platformTransaction(services.db, id, async (tx) => {
    const current = await lockSuspension(tx, id);
    if (!current.suspendedAt) {
      return current;
    }

    await tx
      .updateTable("organizations")
      .set({
        suspended_at: null,
        suspension_reason: null,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    await recordSecurityEvent(tx, {
      type: "organization.reinstated",
      organizationId: id,
      details: {
        suspendedAt: current.suspendedAt.toISOString(),
        reason: current.reason,
      },
    });
    afterCommit(tx, () => {
      services.logger.info({ organizationId: id }, "organization reinstated");
    });
    return { organizationId: id, suspendedAt: null, reason: null };
  });
}
