import type { Comment } from "@ares/contracts";
import {
  ActionIcon,
  Button,
  Group,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState, type ChangeEvent, type KeyboardEvent } from "react";

import { useCurrentSession } from "../auth/session-context";
import { CrossIcon } from "../components/icons";
import { MorePages } from "../components/MorePages";
import { SectionError } from "../components/SectionError";
import { UserAvatar } from "../components/UserAvatar";
import { formatDateTime, formatRelative } from "../format";
import {
  useAddComment,
  useComments,
  useDeleteComment,
} from "./comment-queries";
import { isPendingComment } from "./next-comments";

/** Props of `CommentsSection`. */
export interface CommentsSectionProps {
  taskId: string;
  canContribute: boolean;
  /** Workspace admins delete anyone's comments. */
  canManage: boolean;
}

/** A task's conversation, oldest first, and a box to add to it. */
export function CommentsSection(props: CommentsSectionProps) {
  const comments = useComments(props.taskId);

  function handleRetry() {
    void comments.refetch();
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="task-comments">
      <Title order={3} size="h6" id="task-comments">
        Comments
      </Title>
      {comments.isPending && <Skeleton height={60} />}
      {comments.isError && comments.data === undefined && (
        <SectionError
          title="Could not load the comments"
          error={comments.error}
          onRetry={handleRetry}
        />
      )}
      {comments.data !== undefined && (
        <>
          <CommentList comments={comments.data} {...props} />
          <MorePages
            query={comments}
            label="Load more comments"
            errorTitle="Could not load more comments"
          />
        </>
      )}
      {props.canContribute && <CommentComposer taskId={props.taskId} />}
    </Stack>
  );
}

interface CommentListProps extends CommentsSectionProps {
  comments: Comment[];
}

function CommentList({ comments, ...rights }: CommentListProps) {
  if (comments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No comments yet.
      </Text>
    );
  }
  return (
    <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} {...rights} />
      ))}
    </Stack>
  );
}

interface CommentItemProps extends CommentsSectionProps {
  comment: Comment;
}

function CommentItem({
  comment,
  taskId,
  canContribute,
  canManage,
}: CommentItemProps) {
  const { user } = useCurrentSession();
  const remove = useDeleteComment(taskId);
  const pending = isPendingComment(comment);
  const isOwn = comment.author?.id === user.id;
  const mayDelete = !pending && (canManage || (isOwn && canContribute));

  function handleDelete() {
    remove.mutate(comment);
  }

  return (
    <Group
      component="li"
      align="flex-start"
      wrap="nowrap"
      gap="sm"
      opacity={pending ? 0.6 : 1}
    >
      {comment.author !== null && <UserAvatar user={comment.author} />}
      <Stack gap={2} style={{ flexGrow: 1 }} miw={0}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm">
            <Text span fw={600}>
              {comment.author?.name ?? "Someone no longer here"}
            </Text>{" "}
            <Text
              span
              c="dimmed"
              size="xs"
              title={formatDateTime(comment.createdAt)}
            >
              {pending ? "sending…" : formatRelative(comment.createdAt)}
            </Text>
          </Text>
          {mayDelete && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={handleDelete}
              aria-label="Delete comment"
            >
              <CrossIcon size={14} />
            </ActionIcon>
          )}
        </Group>
        <Text
          size="sm"
          style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}
        >
          {comment.body}
        </Text>
      </Stack>
    </Group>
  );
}

interface CommentComposerProps {
  taskId: string;
}

function CommentComposer({ taskId }: CommentComposerProps) {
  const [body, setBody] = useState("");
  const add = useAddComment(taskId);
  const trimmed = body.trim();

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setBody(event.currentTarget.value);
  }

  function handleSubmit() {
    if (trimmed !== "") {
      add.mutate(trimmed);
      setBody("");
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      handleSubmit();
    }
  }

  return (
    <Stack gap="xs">
      <Textarea
        aria-label="Add a comment"
        placeholder="Add a comment… (Ctrl+Enter to send)"
        value={body}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        autosize
        minRows={2}
        maxLength={10000}
      />
      <Group justify="flex-end">
        <Button size="xs" onClick={handleSubmit} disabled={trimmed === ""}>
          Comment
        </Button>
      </Group>
    </Stack>
  );
}
