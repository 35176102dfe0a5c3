import { Button, Center } from "@mantine/core";
import type { UseInfiniteQueryResult } from "@tanstack/react-query";

import { SectionError } from "./SectionError";

/** Props of `MorePages`. */
export interface MorePagesProps {
  query: Pick<
    UseInfiniteQueryResult,
    | "error"
    | "fetchNextPage"
    | "hasNextPage"
    | "isFetchNextPageError"
    | "isFetchingNextPage"
  >;
  /** The button's text, such as "Load more comments". */
  label: string;
  /** The title of the alert shown when the next page failed. */
  errorTitle: string;
}

/**
 * The end of a paged list: a button that loads the next page while there
 * is one, and a way to try again when it failed (the pages already shown
 * stay).
 */
export function MorePages({ query, label, errorTitle }: MorePagesProps) {
  function handleLoadMore() {
    void query.fetchNextPage();
  }

  return (
    <>
      {query.isFetchNextPageError && query.error !== null && (
        <SectionError
          title={errorTitle}
          error={query.error}
          onRetry={handleLoadMore}
        />
      )}
      {query.hasNextPage && (
        <Center>
          <Button
            variant="subtle"
            size="xs"
            loading={query.isFetchingNextPage}
            onClick={handleLoadMore}
          >
            {label}
          </Button>
        </Center>
      )}
    </>
  );
}
