import { Center, Loader } from "@mantine/core";

/** Props of `PageLoader`. */
export interface PageLoaderProps {
  /** What is loading, for screen readers. */
  label?: string;
}

/** Full-height spinner shown while a page's data loads. */
export function PageLoader({ label = "Loading" }: PageLoaderProps) {
  return (
    <Center mih="60vh" role="status" aria-label={label}>
      <Loader />
    </Center>
  );
}
