import type { Role } from "@ares/contracts";
import { AppError } from "../http/errors.js";
import { isAtLeast, isPrivileged } from "./roles.js";

/** The person acting, with the role they hold in the current organization. */
export interface Actor {
  userId: string;
  role: Role;
}

/** A member someone acts on, with facts the rules need. */
export interface MemberTarget {
  userId: string;
  role: Role;
  /** How many owners the organization has, this member included. */
  ownerCount: number;
}

/**
 * Everything that can be asked of the policy, with the resource each action
 * is about. One union, so a new action must state what it needs.
 */
export type Request =
  | { action: "member.list" }
  | { action: "member.changeRole"; target: MemberTarget; newRole: Role }
  | { action: "member.remove"; target: MemberTarget }
  | { action: "invitation.list" }
  | { action: "invitation.create"; role: Role }
  | { action: "invitation.revoke" }
  | { action: "invitation.resend" }
  | { action: "outbox.read" }
  | { action: "securityEvent.list" };

export type Action = Request["action"];

/** Why a request is refused, or undefined when it is allowed. */
function refusal(actor: Actor, request: Request): string | undefined {
  switch (request.action) {
    case "member.list":
      return undefined;
    case "invitation.list":
    case "invitation.revoke":
    case "invitation.resend":
    case "outbox.read":
    case "securityEvent.list":
      return isPrivileged(actor.role) ? undefined : "Only admins can do that";
    case "invitation.create":
      if (!isPrivileged(actor.role)) {
        return "Only admins can invite people";
      }
      return isAtLeast(actor.role, request.role)
        ? undefined
        : "You cannot grant a role above your own";
    case "member.changeRole":
      return changeRoleRefusal(actor, request.target, request.newRole);
    case "member.remove":
      return removeRefusal(actor, request.target);
  }
}

function isLastOwner(target: MemberTarget): boolean {
  return target.role === "owner" && target.ownerCount <= 1;
}

function changeRoleRefusal(
  actor: Actor,
  target: MemberTarget,
  newRole: Role,
): string | undefined {
  if (!isPrivileged(actor.role)) {
    return "Only admins can change roles";
  }
  if (!isAtLeast(actor.role, target.role)) {
    return "You cannot change the role of someone above you";
  }
  if (!isAtLeast(actor.role, newRole)) {
    return "You cannot grant a role above your own";
  }
  if (isLastOwner(target) && newRole !== "owner") {
    return "The last owner cannot be demoted; make someone else owner first";
  }
  return undefined;
}

function removeRefusal(actor: Actor, target: MemberTarget): string | undefined {
  if (isLastOwner(target)) {
    return "The last owner cannot leave; make someone else owner first";
  }
  if (actor.userId === target.userId) {
    return undefined;
  }
  if (!isPrivileged(actor.role)) {
    return "Only admins can remove members";
  }
  return isAtLeast(actor.role, target.role)
    ? undefined
    : "You cannot remove someone above you";
}

/** Whether `actor` may make `request`; for hiding what would be refused. */
export function can(actor: Actor, request: Request): boolean {
  return refusal(actor, request) === undefined;
}

/** Throws a 403 with the reason when `actor` may not make `request`. */
export function authorize(actor: Actor, request: Request): void {
  const reason = refusal(actor, request);
  if (reason) {
    throw new AppError("forbidden", reason);
  }
}
