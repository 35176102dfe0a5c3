import {
  CheckIcon,
  type ComboboxProps,
  Group,
  Text,
  type ComboboxItem,
  type ComboboxLikeRenderOptionInput,
} from "@mantine/core";

/**
 * Renders a role in a picker. A role above the user's own says so in
 * words: the picker marks disabled options only visually, and this way
 * screen readers hear why the option cannot be chosen.
 */
export function renderRoleOption({
  option,
  checked = false,
}: ComboboxLikeRenderOptionInput<ComboboxItem>) {
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <Group w={12} justify="center">
        {checked && <CheckIcon size={10} />}
      </Group>
      <Text size="sm" inherit>
        {option.label}
      </Text>
      {option.disabled === true && (
        <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: "nowrap" }}>
          above your role
        </Text>
      )}
    </Group>
  );
}

/** Role pickers' dropdown: wide enough for the "above your role" hint. */
export const roleDropdown: ComboboxProps = {
  width: 230,
  position: "bottom-start",
};
