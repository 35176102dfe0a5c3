import { Anchor, Text } from "@mantine/core";

import { splitLinks } from "./text-links";

/** Props of `LinkifiedText`. */
export interface LinkifiedTextProps {
  text: string;
}

/** Plain text with its web links clickable; line breaks are kept. */
export function LinkifiedText({ text }: LinkifiedTextProps) {
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      {splitLinks(text).map((part, index) =>
        part.kind === "link" ? (
          <Anchor
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
          >
            {part.href}
          </Anchor>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
