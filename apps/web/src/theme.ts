import { Badge, createTheme } from "@mantine/core";

/** Ares' Mantine theme. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  components: {
    // Ares' badges hold one or two words (a role, a status); in a narrow
    // table column they should widen the column rather than be cut off.
    Badge: Badge.extend({ styles: { label: { overflow: "visible" } } }),
  },
});
