import { createTheme } from "@mantine/core";

/** Ares' Mantine theme. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
});
