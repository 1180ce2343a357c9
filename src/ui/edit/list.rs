//! Lists edited in place (challenges, snapshots, pillars): each item in its own frame with move
//! and remove buttons, then an add button.

/// What the user asked to do with one item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAction {
    None,
    Remove,
    Up,
    Down,
}

/// Remove / move buttons for list item `i` of `len`.
pub fn item_buttons(ui: &mut egui::Ui, i: usize, len: usize) -> ItemAction {
    let mut action = ItemAction::None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(i > 0, egui::Button::new("↑").small())
            .on_hover_text("Move up")
            .clicked()
        {
            action = ItemAction::Up;
        }
        if ui
            .add_enabled(i + 1 < len, egui::Button::new("↓").small())
            .on_hover_text("Move down")
            .clicked()
        {
            action = ItemAction::Down;
        }
        if ui.small_button("Remove").clicked() {
            action = ItemAction::Remove;
        }
    });
    action
}

/// Applies an item action to a list; true if the list changed.
pub fn apply_action<T>(list: &mut Vec<T>, i: usize, action: ItemAction) -> bool {
    match action {
        ItemAction::None => false,
        ItemAction::Remove if i < list.len() => {
            list.remove(i);
            true
        }
        ItemAction::Up if i > 0 && i < list.len() => {
            list.swap(i, i - 1);
            true
        }
        ItemAction::Down if i + 1 < list.len() => {
            list.swap(i, i + 1);
            true
        }
        _ => false,
    }
}

/// Draws every item of a list in its own frame with move/remove buttons, then an add button.
pub fn list<T>(
    ui: &mut egui::Ui,
    items: &mut Vec<T>,
    add_label: &str,
    new_item: impl FnOnce() -> T,
    mut item: impl FnMut(&mut egui::Ui, usize, &mut T) -> bool,
) -> bool {
    let mut changed = false;
    let mut action = None;
    let len = items.len();
    for (i, value) in items.iter_mut().enumerate() {
        ui.push_id(i, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                changed |= item(ui, i, value);
                let a = item_buttons(ui, i, len);
                if a != ItemAction::None {
                    action = Some((i, a));
                }
            });
        });
    }
    if let Some((i, a)) = action {
        changed |= apply_action(items, i, a);
    }
    if ui.button(add_label).clicked() {
        items.push(new_item());
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_actions_move_and_remove() {
        let mut v = vec![1, 2, 3];
        assert!(apply_action(&mut v, 1, ItemAction::Up));
        assert_eq!(v, [2, 1, 3]);
        assert!(apply_action(&mut v, 1, ItemAction::Down));
        assert_eq!(v, [2, 3, 1]);
        assert!(!apply_action(&mut v, 2, ItemAction::Down));
        assert!(apply_action(&mut v, 0, ItemAction::Remove));
        assert_eq!(v, [3, 1]);
        assert!(!apply_action(&mut v, 5, ItemAction::Remove));
    }
}
