import type { Project, Task } from "@ares/contracts";
import {
  NumberInput,
  Select,
  SimpleGrid,
  TagsInput,
  TextInput,
} from "@mantine/core";
import type { ChangeEvent } from "react";

import { useMembersQuery } from "../members/member-queries";
import type { TaskChanges } from "../tasks/next-tasks";
import { isPriority, priorities, priorityLabels } from "../tasks/task-labels";
import { useFieldDraft } from "./use-field-draft";

/** Props of `TaskProperties`. */
export interface TaskPropertiesProps {
  project: Project;
  task: Task;
  readOnly: boolean;
  fieldErrors: Readonly<Record<string, string>>;
  onSave: (changes: TaskChanges, startedFrom: number) => void;
}

const priorityOptions = priorities.map((priority) => ({
  value: priority,
  label: priorityLabels[priority],
}));

/**
 * The task's fields beside its title: status, priority, assignee, due
 * date, labels and estimate. Pickers save as soon as a value is chosen.
 */
export function TaskProperties(props: TaskPropertiesProps) {
  const { project, task, readOnly, fieldErrors, onSave } = props;

  function save(changes: TaskChanges) {
    onSave(changes, task.version);
  }

  function handleStatus(status: string | null) {
    if (status !== null && status !== task.status) {
      save({ status });
    }
  }

  function handlePriority(priority: string | null) {
    if (isPriority(priority) && priority !== task.priority) {
      save({ priority });
    }
  }

  function handleDueDate(event: ChangeEvent<HTMLInputElement>) {
    const dueDate = event.currentTarget.value || null;
    if (dueDate !== task.dueDate) {
      save({ dueDate });
    }
  }

  function handleLabels(labels: string[]) {
    save({ labels });
  }

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
      <Select
        label="Status"
        data={project.workflow.map(({ key, name }) => ({
          value: key,
          label: name,
        }))}
        value={task.status}
        onChange={handleStatus}
        allowDeselect={false}
        readOnly={readOnly}
        error={fieldErrors.status}
      />
      <Select
        label="Priority"
        data={priorityOptions}
        value={task.priority}
        onChange={handlePriority}
        allowDeselect={false}
        readOnly={readOnly}
        error={fieldErrors.priority}
      />
      <AssigneeSelect {...props} />
      <TextInput
        label="Due date"
        type="date"
        value={task.dueDate ?? ""}
        onChange={handleDueDate}
        readOnly={readOnly}
        error={fieldErrors.dueDate}
      />
      <TagsInput
        label="Labels"
        placeholder={readOnly ? undefined : "Type, then Enter"}
        value={task.labels}
        onChange={handleLabels}
        maxTags={20}
        readOnly={readOnly}
        error={fieldErrors.labels}
      />
      <EstimateInput {...props} />
    </SimpleGrid>
  );
}

function AssigneeSelect({
  task,
  readOnly,
  fieldErrors,
  onSave,
}: TaskPropertiesProps) {
  const members = useMembersQuery();
  const options = (members.data ?? [])
    .filter((member) => member.role !== "viewer")
    .map((member) => ({ value: member.user.id, label: member.user.name }));
  if (
    task.assignee !== null &&
    !options.some(({ value }) => value === task.assignee?.id)
  ) {
    options.push({ value: task.assignee.id, label: task.assignee.name });
  }

  function handleChange(userId: string | null) {
    if (userId === (task.assignee?.id ?? null)) {
      return;
    }
    const person =
      members.data?.find((member) => member.user.id === userId)?.user ?? null;
    onSave({ assignee: person }, task.version);
  }

  return (
    <Select
      label="Assignee"
      placeholder="Unassigned"
      data={options}
      value={task.assignee?.id ?? null}
      onChange={handleChange}
      searchable
      clearable
      nothingFoundMessage="Nobody by that name"
      readOnly={readOnly}
      error={fieldErrors.assigneeId}
    />
  );
}

function EstimateInput({
  task,
  readOnly,
  fieldErrors,
  onSave,
}: TaskPropertiesProps) {
  const draft = useFieldDraft<number | null>(task.estimate, task.version);

  function handleChange(value: string | number) {
    draft.change(typeof value === "number" ? value : null);
  }

  function handleBlur() {
    const done = draft.finish();
    if (done !== null) {
      onSave({ estimate: done.value }, done.startedFrom);
    }
  }

  return (
    <NumberInput
      label="Estimate"
      placeholder="Points or hours"
      value={draft.value ?? ""}
      onFocus={draft.begin}
      onChange={handleChange}
      onBlur={handleBlur}
      min={0}
      max={999999}
      allowNegative={false}
      readOnly={readOnly}
      error={fieldErrors.estimate}
    />
  );
}
