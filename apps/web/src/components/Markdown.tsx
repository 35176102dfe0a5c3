import { Typography } from "@mantine/core";
import ReactMarkdown from "react-markdown";

import classes from "./Markdown.module.css";

/** Props of `Markdown`. */
export interface MarkdownProps {
  text: string;
}

/**
 * Renders Markdown safely: raw HTML in the text is dropped, not rendered,
 * and links to scripts are neutralised by react-markdown's URL filter.
 */
export function Markdown({ text }: MarkdownProps) {
  return (
    <Typography className={classes.root}>
      <ReactMarkdown skipHtml>{text}</ReactMarkdown>
    </Typography>
  );
}
