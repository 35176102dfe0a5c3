import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router";

import { SessionSync } from "./auth/SessionSync";
import { createQueryClient } from "./query-client";
import { router } from "./router";
import { theme } from "./theme";

const queryClient = createQueryClient();

/** The whole web app: theme, notifications, data cache and routes. */
export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <SessionSync />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
