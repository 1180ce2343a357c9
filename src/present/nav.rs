//! The clicker: which slide and which build step of it is showing, blank screens and number
//! jumps, as a pure state machine so every key can be tested without a window.

/// A blanked screen, as projector remotes offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Blank {
    #[default]
    None,
    Black,
    White,
}

/// What a key means on stage; the view maps physical keys onto these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterKey {
    /// Right, Down, PageDown, Space.
    Next,
    /// Left, Up, PageUp.
    Previous,
    /// Enter: jumps to a typed number, otherwise next.
    Enter,
    /// Backspace: deletes a typed digit, otherwise previous.
    Backspace,
    First,
    Last,
    Digit(u8),
    /// B or `.`
    ToggleBlack,
    /// W
    ToggleWhite,
    Escape,
}

/// Whether the presenter should keep going or leave presenter mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Leave,
}

/// The position in a deck: a slide, and the build step on it (0 until a build advances).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Navigator {
    current: usize,
    len: usize,
    /// Build steps per slide (each at least 1); slides past its end have one step.
    steps: Vec<usize>,
    step: usize,
    blank: Blank,
    typed: String,
}

impl Navigator {
    /// Starts on `start` (0-based), clamped into the deck.
    pub fn new(len: usize, start: usize) -> Self {
        let len = len.max(1);
        Self {
            current: start.min(len - 1),
            len,
            steps: Vec::new(),
            step: 0,
            blank: Blank::None,
            typed: String::new(),
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The build step showing on the current slide (0-based).
    pub fn step(&self) -> usize {
        self.step
    }

    /// How many build steps slide `index` has (1 for a slide without builds).
    pub fn steps_of(&self, index: usize) -> usize {
        self.steps.get(index).copied().unwrap_or(1).max(1)
    }

    /// Slides in the deck (at least one).
    pub fn slide_count(&self) -> usize {
        self.len
    }

    pub fn blank(&self) -> Blank {
        self.blank
    }

    /// Digits typed so far for a jump, shown small in a corner.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// The index of the following slide, if any (for the presenter console).
    pub fn next_index(&self) -> Option<usize> {
        (self.current + 1 < self.len).then_some(self.current + 1)
    }

    /// Follows a deck that grew or shrank under live edits, keeping the position when possible.
    pub fn set_len(&mut self, len: usize) {
        self.len = len.max(1);
        self.current = self.current.min(self.len - 1);
        self.step = self.step.min(self.steps_of(self.current) - 1);
    }

    /// Follows a deck given as build steps per slide (its length is the slide count), keeping the
    /// slide and step when possible.
    pub fn set_steps(&mut self, steps: &[usize]) {
        if self.steps != steps {
            self.steps = steps.to_vec();
        }
        self.set_len(steps.len());
    }

    /// Shows slide `index` from its first step (the deck was paged anew under the speaker).
    pub fn show(&mut self, index: usize) {
        self.go_to(index, 0);
    }

    fn go_to(&mut self, slide: usize, step: usize) {
        self.current = slide.min(self.len - 1);
        self.step = step.min(self.steps_of(self.current) - 1);
    }

    /// Applies one key.
    pub fn press(&mut self, key: PresenterKey) -> Outcome {
        use PresenterKey as K;
        match key {
            K::Escape => return Outcome::Leave,
            K::Digit(d) => {
                if self.typed.len() < 4 {
                    self.typed.push(char::from(b'0' + d.min(9)));
                }
                return Outcome::Stay;
            }
            K::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
                return Outcome::Stay;
            }
            K::Enter if !self.typed.is_empty() => {
                if let Ok(n) = self.typed.parse::<usize>()
                    && n >= 1
                {
                    self.go_to(n - 1, 0);
                    self.blank = Blank::None;
                }
                self.typed.clear();
                return Outcome::Stay;
            }
            K::ToggleBlack => {
                self.blank = if self.blank == Blank::Black {
                    Blank::None
                } else {
                    Blank::Black
                };
                self.typed.clear();
                return Outcome::Stay;
            }
            K::ToggleWhite => {
                self.blank = if self.blank == Blank::White {
                    Blank::None
                } else {
                    Blank::White
                };
                self.typed.clear();
                return Outcome::Stay;
            }
            _ => {}
        }
        self.typed.clear();
        // On a blank screen a movement key first brings the slide back, without moving.
        if self.blank != Blank::None {
            self.blank = Blank::None;
            return Outcome::Stay;
        }
        match key {
            K::Next | K::Enter => {
                if self.step + 1 < self.steps_of(self.current) {
                    self.step += 1;
                } else if self.current + 1 < self.len {
                    self.go_to(self.current + 1, 0);
                }
            }
            // Back through builds, then onto the previous slide as it was left: fully built.
            K::Previous | K::Backspace => {
                if self.step > 0 {
                    self.step -= 1;
                } else if self.current > 0 {
                    let previous = self.current - 1;
                    self.go_to(previous, self.steps_of(previous) - 1);
                }
            }
            K::First => self.go_to(0, 0),
            K::Last => self.go_to(self.len - 1, 0),
            _ => {}
        }
        Outcome::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::PresenterKey as K;
    use super::*;

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let mut n = Navigator::new(3, 0);
        n.press(K::Previous);
        assert_eq!(n.current(), 0);
        n.press(K::Next);
        n.press(K::Enter);
        n.press(K::Next);
        assert_eq!(n.current(), 2);
        n.press(K::Backspace);
        assert_eq!(n.current(), 1);
        n.press(K::Last);
        assert_eq!(n.current(), 2);
        assert_eq!(n.next_index(), None);
        n.press(K::First);
        assert_eq!(n.current(), 0);
        assert_eq!(n.next_index(), Some(1));
    }

    #[test]
    fn number_then_enter_jumps_and_clamps() {
        let mut n = Navigator::new(12, 0);
        n.press(K::Digit(1));
        n.press(K::Digit(0));
        assert_eq!(n.typed(), "10");
        assert_eq!(n.current(), 0, "typing alone does not move");
        n.press(K::Enter);
        assert_eq!(n.current(), 9);
        assert_eq!(n.typed(), "");
        for d in [9, 9] {
            n.press(K::Digit(d));
        }
        n.press(K::Enter);
        assert_eq!(n.current(), 11);
        n.press(K::Digit(0));
        n.press(K::Enter);
        assert_eq!(n.current(), 11, "slide 0 does not exist");
    }

    #[test]
    fn backspace_edits_the_typed_number_first() {
        let mut n = Navigator::new(12, 5);
        n.press(K::Digit(3));
        n.press(K::Digit(4));
        n.press(K::Backspace);
        assert_eq!(n.typed(), "3");
        assert_eq!(n.current(), 5);
        n.press(K::Enter);
        assert_eq!(n.current(), 2);
    }

    #[test]
    fn blank_screens_toggle_and_a_key_brings_the_slide_back() {
        let mut n = Navigator::new(5, 2);
        n.press(K::ToggleBlack);
        assert_eq!(n.blank(), Blank::Black);
        n.press(K::ToggleWhite);
        assert_eq!(n.blank(), Blank::White);
        n.press(K::ToggleWhite);
        assert_eq!(n.blank(), Blank::None);
        n.press(K::ToggleBlack);
        n.press(K::Next);
        assert_eq!((n.blank(), n.current()), (Blank::None, 2));
        n.press(K::Next);
        assert_eq!(n.current(), 3);
    }

    #[test]
    fn builds_step_within_a_slide_before_moving_on() {
        let mut n = Navigator::new(3, 0);
        n.set_steps(&[1, 3, 1]);
        n.press(K::Next);
        assert_eq!((n.current(), n.step()), (1, 0));
        n.press(K::Next);
        n.press(K::Enter);
        assert_eq!((n.current(), n.step()), (1, 2));
        n.press(K::Next);
        assert_eq!((n.current(), n.step()), (2, 0));
        n.press(K::Previous);
        assert_eq!(
            (n.current(), n.step()),
            (1, 2),
            "back lands on the built slide"
        );
        n.press(K::Backspace);
        assert_eq!((n.current(), n.step()), (1, 1));
        n.press(K::Digit(2));
        n.press(K::Enter);
        assert_eq!(
            (n.current(), n.step()),
            (1, 0),
            "a jump starts the slide over"
        );
        n.press(K::ToggleBlack);
        n.press(K::Next);
        assert_eq!(
            (n.current(), n.step()),
            (1, 0),
            "unblanking does not advance a build"
        );
        n.press(K::Next);
        n.set_steps(&[1, 1, 1]);
        assert_eq!(
            (n.current(), n.step()),
            (1, 0),
            "a build turned off clamps the step"
        );
    }

    #[test]
    fn escape_leaves_and_live_edits_keep_the_position() {
        let mut n = Navigator::new(10, 8);
        n.set_len(5);
        assert_eq!(n.current(), 4);
        n.set_len(0);
        assert_eq!((n.current(), n.slide_count()), (0, 1));
        assert_eq!(n.press(K::Escape), Outcome::Leave);
        assert_eq!(Navigator::new(4, 99).current(), 3);
    }
}
