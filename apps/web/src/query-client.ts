import { QueryClient } from "@tanstack/react-query";

import { ApiError } from "./api/api-error";

/** Client errors (4xx) will fail the same way again, so only retry others. */
function shouldRetry(failureCount: number, error: Error): boolean {
  const isClientError =
    error instanceof ApiError && error.status >= 400 && error.status < 500;
  return !isClientError && failureCount < 2;
}

/** The app's query cache, with Ares' retry policy. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
