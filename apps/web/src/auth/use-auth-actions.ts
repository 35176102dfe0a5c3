import type { AuthResponse } from "@ares/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router";

import { sessionFromAuth } from "../api/auth";
import { sessionQueryKey } from "./session-query";
import { clearAccessToken, saveAccessToken } from "./token-store";

/** Returns a function that signs in with a fresh answer from the API. */
export function useSignIn(): (auth: AuthResponse) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (auth: AuthResponse) => {
      // Whatever is cached belongs to the previous identity.
      queryClient.clear();
      // Seed the session before saving the token, so guards that react to
      // the token find the session already loaded.
      queryClient.setQueryData(sessionQueryKey, sessionFromAuth(auth));
      saveAccessToken(auth.accessToken, auth.expiresIn);
    },
    [queryClient],
  );
}

/** Returns a function that signs out and opens the sign-in page. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    clearAccessToken();
    queryClient.clear();
    void navigate("/login", { replace: true });
  }, [queryClient, navigate]);
}
