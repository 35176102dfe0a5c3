import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router";

import { createQueryClient } from "./query-client";
import { router } from "./router";
import { theme } from "./theme";

const queryClient = createQueryClient();

/** The whole web app: theme, data cache and routes. */
export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
