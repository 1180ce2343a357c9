#!/bin/sh
# Builds the portable Linux tarball (for distributions without .deb): the release binary with the
# desktop entry, MIME type, icons, man pages, completions, samples and install.sh, laid out like
# /usr so install.sh can copy it into ~/.local or /usr/local. Run from anywhere:
#   assets/linux/make-tarball.sh            # builds the release binary first
#   assets/linux/make-tarball.sh BINARY     # packages an existing binary
# Writes target/packages/twin-studio-VERSION-ARCH-linux.tar.gz (under $CARGO_TARGET_DIR if set).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
target=${CARGO_TARGET_DIR:-"$repo/target"}
if [ $# -ge 1 ]; then
  binary=$1
else
  cargo build --release --locked
  binary="$target/release/twin-studio"
fi
version=$("$binary" --version | awk '{print $2}')
name="twin-studio-$version-$(uname -m)-linux"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"

install -Dm755 "$binary" "$root/bin/twin-studio"
install -Dm644 assets/linux/twin-studio.desktop "$root/share/applications/twin-studio.desktop"
install -Dm644 assets/linux/twin-studio.xml "$root/share/mime/packages/twin-studio.xml"
install -Dm644 assets/linux/twin-studio.metainfo.xml "$root/share/metainfo/twin-studio.metainfo.xml"
install -Dm644 assets/icons/twin-studio.svg "$root/share/icons/hicolor/scalable/apps/twin-studio.svg"
for png in assets/icons/hicolor/*/apps/twin-studio.png; do
  install -Dm644 "$png" "$root/share/${png#assets/}"
done
for page in assets/man/*.1; do
  install -Dm644 "$page" "$root/share/man/man1/$(basename "$page")"
  gzip -9n "$root/share/man/man1/$(basename "$page")"
done
install -Dm644 assets/completions/twin-studio.bash "$root/share/bash-completion/completions/twin-studio"
install -Dm644 assets/completions/_twin-studio "$root/share/zsh/site-functions/_twin-studio"
install -Dm644 assets/completions/twin-studio.fish "$root/share/fish/vendor_completions.d/twin-studio.fish"
install -Dm644 assets/completions/_twin-studio.ps1 "$root/share/twin-studio/completions/_twin-studio.ps1"
for sample in sample_profiles/*.twin.json; do
  install -Dm644 "$sample" "$root/share/twin-studio/samples/$(basename "$sample")"
done
install -Dm644 README.md "$root/README.md"
install -Dm755 assets/linux/install.sh "$root/install.sh"

mkdir -p "$target/packages"
out="$target/packages/$name.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$out" "$name"
echo "$out"
