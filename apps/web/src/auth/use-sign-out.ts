import { useMutation } from "@tanstack/react-query";

import { logOut, logOutEverywhere } from "../api/auth";
import { notifyFailure, notifySuccess } from "../notify";
import { endSession } from "./auth-session";

/** What a sign-out button needs. */
export interface SignOutAction {
  handleSignOut: () => void;
  isSigningOut: boolean;
}

/**
 * Signs out of this browser. The tab signs out even when the API cannot be
 * reached; the user is told that the session may still be open.
 */
export function useSignOut(): SignOutAction {
  const mutation = useMutation({
    mutationFn: logOut,
    onError: handleUnconfirmedSignOut,
    onSettled: endSession,
  });
  return {
    handleSignOut: () => {
      mutation.mutate();
    },
    isSigningOut: mutation.isPending,
  };
}

/** Ends every session of the signed-in person, this one included. */
export function useSignOutEverywhere(): SignOutAction {
  const mutation = useMutation({
    mutationFn: logOutEverywhere,
    onSuccess: handleSignedOutEverywhere,
    onError: (error) => {
      notifyFailure("Could not sign out everywhere", error);
    },
  });
  return {
    handleSignOut: () => {
      mutation.mutate();
    },
    isSigningOut: mutation.isPending,
  };
}

function handleSignedOutEverywhere() {
  endSession();
  notifySuccess("You are signed out on every device.");
}

function handleUnconfirmedSignOut(error: Error) {
  notifyFailure("Your session may still be open on the server", error);
}
