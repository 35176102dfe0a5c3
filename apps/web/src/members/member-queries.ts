import type { Member, Role } from "@ares/contracts";
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from "@tanstack/react-query";

import { changeMemberRole, fetchMembers, removeMember } from "../api/members";
import { sessionQueryKey } from "../auth/session-query";
import { notifyFailure, notifySuccess } from "../notify";
import { roleLabels } from "../roles";

/** Cache key of the current organization's members. */
export const membersQueryKey = ["members"] as const;

/** Loads everyone in the current organization. */
export function useMembersQuery(): UseQueryResult<Member[]> {
  return useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => fetchMembers(signal),
  });
}

/** Gives `member` another role, reporting the outcome either way. */
export function useChangeRole(
  member: Member,
): UseMutationResult<Member, Error, Role> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: Role) =>
      changeMemberRole({ userId: member.user.id, role }),
    onSuccess: (changed) => {
      notifySuccess(`${changed.user.name} is now ${roleLabels[changed.role]}.`);
      // Your own role may be the one that changed.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
    onError: (error) => {
      notifyFailure(`Could not change ${member.user.name}'s role`, error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}

/** What happens after a removal succeeds. */
export interface RemovalOutcome {
  successMessage: string;
  onRemoved: () => void;
}

/** Removes `member` from the organization, reporting the outcome. */
export function useRemoveMember(
  member: Member,
  { successMessage, onRemoved }: RemovalOutcome,
): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => removeMember(member.user.id),
    onSuccess: () => {
      notifySuccess(successMessage);
      onRemoved();
    },
    onError: (error) => {
      notifyFailure(`Could not remove ${member.user.name}`, error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
