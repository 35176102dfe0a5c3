import type { Activity, Project } from "@ares/contracts";
import { Group, Skeleton, Stack, Text, Title } from "@mantine/core";

import { useActivity } from "../comments/comment-queries";
import { MorePages } from "../components/MorePages";
import { SectionError } from "../components/SectionError";
import { UserAvatar } from "../components/UserAvatar";
import { formatDateTime, formatRelative } from "../format";
import { useValueNames } from "../tasks/use-value-names";
import {
  describeActivity,
  visibleActivity,
  type ActivityNames,
} from "./describe-activity";

/** Props of `ActivitySection`. */
export interface ActivitySectionProps {
  project: Project;
  taskId: string;
}

/** A task's history, newest first: who changed what, and when. */
export function ActivitySection({ project, taskId }: ActivitySectionProps) {
  const activity = useActivity(taskId);
  const names = useValueNames(project);

  function handleRetry() {
    void activity.refetch();
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="task-activity">
      <Title order={3} size="h6" id="task-activity">
        Activity
      </Title>
      {activity.isPending && <Skeleton height={60} />}
      {activity.isError && activity.data === undefined && (
        <SectionError
          title="Could not load the activity"
          error={activity.error}
          onRetry={handleRetry}
        />
      )}
      {activity.data !== undefined && (
        <>
          <Stack
            gap="xs"
            component="ol"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
          >
            {visibleActivity(activity.data).map((entry) => (
              <ActivityEntry key={entry.id} entry={entry} names={names} />
            ))}
          </Stack>
          <MorePages
            query={activity}
            label="Show older activity"
            errorTitle="Could not load older activity"
          />
        </>
      )}
    </Stack>
  );
}

interface ActivityEntryProps {
  entry: Activity;
  names: ActivityNames;
}

function ActivityEntry({ entry, names }: ActivityEntryProps) {
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start">
      {entry.actor !== null && <UserAvatar user={entry.actor} size={20} />}
      <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
        <Text span fw={600} c="var(--mantine-color-text)" size="xs">
          {entry.actor?.name ?? "Someone"}
        </Text>{" "}
        {describeActivity(entry, names)} ·{" "}
        <time dateTime={entry.at} title={formatDateTime(entry.at)}>
          {formatRelative(entry.at)}
        </time>
      </Text>
    </Group>
  );
}
