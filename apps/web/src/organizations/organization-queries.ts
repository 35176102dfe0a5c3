import type { AuthResponse, MyOrganization } from "@ares/contracts";
import {
  useMutation,
  useQuery,
  type UseMutationResult,
  type UseQueryResult,
} from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { fetchMyOrganizations, switchOrganization } from "../api/auth";
import { startSession } from "../auth/auth-session";
import { notifyFailure, notifySuccess } from "../notify";

/** Cache key of the organizations the signed-in person belongs to. */
export const myOrganizationsQueryKey = ["my-organizations"] as const;

/** Loads the organizations the signed-in person belongs to. */
export function useMyOrganizationsQuery(): UseQueryResult<MyOrganization[]> {
  return useQuery({
    queryKey: myOrganizationsQueryKey,
    queryFn: ({ signal }) => fetchMyOrganizations(signal),
  });
}

/**
 * Enters another organization: a new access token, a cache emptied of the
 * old organization's data (see `SessionSync`), and the home page.
 */
export function useSwitchOrganization(): UseMutationResult<
  AuthResponse,
  Error,
  string
> {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: switchOrganization,
    onSuccess: (auth) => {
      startSession(auth);
      void navigate("/");
      notifySuccess(`You are now in ${auth.organization.name}.`);
    },
    onError: (error) => {
      notifyFailure("Could not switch organization", error);
    },
  });
}
