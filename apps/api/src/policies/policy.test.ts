import type { Role } from "@ares/contracts";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors.js";
import { authorize, can, type Actor, type Request } from "./policy.js";

const roles: readonly Role[] = ["owner", "admin", "member", "viewer"];

const withArticle = (role: Role) =>
  `${role === "owner" || role === "admin" ? "an" : "a"} ${role}`;

function actorWith(role: Role): Actor {
  return { userId: `${role}-actor`, role };
}

function someone(role: Role, ownerCount = 2) {
  return { userId: `${role}-target`, role, ownerCount };
}

/**
 * Reads a grid row: one letter per role in `roles` order, y for allowed
 * and n for refused. The grids are written out by hand, so the tests
 * state the rules instead of recomputing them.
 */
function cells(row: string): [Role, boolean][] {
  return roles.map((role, index) => [role, row[index] === "y"]);
}

interface Case {
  actor: Actor;
  request: Request;
  allowed: boolean;
}

/** Names a case as a sentence: "an admin may not invite an owner". */
function named(cases: (Case & { doing: string })[]): [string, Case][] {
  return cases.map(({ doing, ...decision }) => [
    `${withArticle(decision.actor.role)} ${decision.allowed ? "may" : "may not"} ${doing}`,
    decision,
  ]);
}

/** The error `authorize` throws, or undefined when it allows the request. */
function refusalOf(actor: Actor, request: Request): AppError | undefined {
  try {
    authorize(actor, request);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
}

/** Checks that `can` and `authorize` give the same, expected answer. */
function expectDecision({ actor, request, allowed }: Case) {
  expect(can(actor, request)).toBe(allowed);
  expect(refusalOf(actor, request) === undefined).toBe(allowed);
}

function expectRefused(actor: Actor, request: Request, reason: RegExp) {
  expectDecision({ actor, request, allowed: false });
  expect(refusalOf(actor, request)).toMatchObject({
    code: "forbidden",
    status: 403,
    message: expect.stringMatching(reason),
  });
}

/** The actions decided by the actor's role alone. */
type RoleOnlyAction = Exclude<
  Request,
  { target: unknown } | { role: unknown }
>["action"];

describe("actions decided by role alone", () => {
  // Letters: owner admin member viewer.
  const grid: Record<RoleOnlyAction, string> = {
    "member.list": "yyyy",
    "invitation.list": "yynn",
    "invitation.revoke": "yynn",
    "invitation.resend": "yynn",
    "outbox.read": "yynn",
    "securityEvent.list": "yynn",
  };
  const actions = Object.keys(grid) as RoleOnlyAction[];
  const cases = actions.flatMap((action) =>
    cells(grid[action]).map(([role, allowed]) => ({
      doing: `ask for ${action}`,
      actor: actorWith(role),
      request: { action },
      allowed,
    })),
  );

  it.each(named(cases))("%s", (_name, decision) => {
    expectDecision(decision);
  });

  it.each(["member", "viewer"] as const)(
    "tells a %s that only admins can see invitations",
    (role) => {
      expectRefused(
        actorWith(role),
        { action: "invitation.list" },
        /only admins/i,
      );
    },
  );
});

describe("invitation.create", () => {
  // Rows: the inviter; letters: the role offered (owner admin member viewer).
  const grid: Record<Role, string> = {
    owner: "yyyy",
    admin: "nyyy",
    member: "nnnn",
    viewer: "nnnn",
  };
  const cases = roles.flatMap((inviter) =>
    cells(grid[inviter]).map(([offered, allowed]) => ({
      doing: `invite ${withArticle(offered)}`,
      actor: actorWith(inviter),
      request: { action: "invitation.create" as const, role: offered },
      allowed,
    })),
  );

  it.each(named(cases))("%s", (_name, decision) => {
    expectDecision(decision);
  });

  it.each(["member", "viewer"] as const)(
    "tells a %s that only admins can invite",
    (role) => {
      expectRefused(
        actorWith(role),
        { action: "invitation.create", role: "viewer" },
        /only admins can invite/i,
      );
    },
  );

  it("tells an admin they cannot grant a role above their own", () => {
    expectRefused(
      actorWith("admin"),
      { action: "invitation.create", role: "owner" },
      /above your own/,
    );
  });
});

describe("member.changeRole with two owners", () => {
  // Rows: the actor; one string per target role (owner admin member viewer),
  // whose letters are the new role (owner admin member viewer).
  const grid: Record<Role, string[]> = {
    owner: ["yyyy", "yyyy", "yyyy", "yyyy"],
    admin: ["nnnn", "nyyy", "nyyy", "nyyy"],
    member: ["nnnn", "nnnn", "nnnn", "nnnn"],
    viewer: ["nnnn", "nnnn", "nnnn", "nnnn"],
  };
  const cases = roles.flatMap((actor) =>
    roles.flatMap((target, index) =>
      cells(grid[actor][index] ?? "").map(([to, allowed]) => ({
        doing: `make ${withArticle(target)} ${withArticle(to)}`,
        actor: actorWith(actor),
        request: {
          action: "member.changeRole" as const,
          target: someone(target),
          newRole: to,
        },
        allowed,
      })),
    ),
  );

  it.each(named(cases))("%s", (_name, decision) => {
    expectDecision(decision);
  });
});

describe("member.changeRole reasons", () => {
  it.each([
    ["member", "viewer", "member", /only admins can change roles/i],
    ["viewer", "viewer", "member", /only admins can change roles/i],
    ["admin", "owner", "admin", /someone above you/],
    ["admin", "member", "owner", /above your own/],
    ["admin", "admin", "owner", /above your own/],
  ] as const)(
    "refuses a %s making a %s into %s, saying why",
    (actor, target, to, reason) => {
      expectRefused(
        actorWith(actor),
        { action: "member.changeRole", target: someone(target), newRole: to },
        reason,
      );
    },
  );

  it.each(["admin", "member", "viewer"] as const)(
    "refuses to demote the last owner to %s, even by themselves",
    (to) => {
      const owner = actorWith("owner");
      expectRefused(
        owner,
        {
          action: "member.changeRole",
          target: { userId: owner.userId, role: "owner", ownerCount: 1 },
          newRole: to,
        },
        /last owner cannot be demoted/,
      );
    },
  );

  it("lets the last owner keep the owner role", () => {
    expectDecision({
      actor: actorWith("owner"),
      request: {
        action: "member.changeRole",
        target: someone("owner", 1),
        newRole: "owner",
      },
      allowed: true,
    });
  });

  it("lets an owner step down while another owner remains", () => {
    const owner = actorWith("owner");
    expectDecision({
      actor: owner,
      request: {
        action: "member.changeRole",
        target: { userId: owner.userId, role: "owner", ownerCount: 2 },
        newRole: "admin",
      },
      allowed: true,
    });
  });
});

describe("member.remove of someone else, with two owners", () => {
  // Rows: the actor; letters: the role of the member removed.
  const grid: Record<Role, string> = {
    owner: "yyyy",
    admin: "nyyy",
    member: "nnnn",
    viewer: "nnnn",
  };
  const cases = roles.flatMap((actor) =>
    cells(grid[actor]).map(([target, allowed]) => ({
      doing: `remove ${withArticle(target)}`,
      actor: actorWith(actor),
      request: { action: "member.remove" as const, target: someone(target) },
      allowed,
    })),
  );

  it.each(named(cases))("%s", (_name, decision) => {
    expectDecision(decision);
  });

  it("tells an admin they cannot remove an owner", () => {
    expectRefused(
      actorWith("admin"),
      { action: "member.remove", target: someone("owner") },
      /someone above you/,
    );
  });

  it.each(["member", "viewer"] as const)(
    "tells a %s that only admins can remove members",
    (role) => {
      expectRefused(
        actorWith(role),
        { action: "member.remove", target: someone("viewer") },
        /only admins can remove/i,
      );
    },
  );
});

describe("member.remove of oneself (leaving)", () => {
  it.each(roles)("lets a member whose role is %s leave", (role) => {
    const actor = actorWith(role);
    expectDecision({
      actor,
      request: {
        action: "member.remove",
        target: { userId: actor.userId, role, ownerCount: 2 },
      },
      allowed: true,
    });
  });

  it("refuses to let the last owner leave", () => {
    const owner = actorWith("owner");
    expectRefused(
      owner,
      {
        action: "member.remove",
        target: { userId: owner.userId, role: "owner", ownerCount: 1 },
      },
      /last owner cannot leave/,
    );
  });
});
