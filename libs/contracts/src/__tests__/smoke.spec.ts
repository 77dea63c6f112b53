describe('toolchain', () => {
  it('runs TypeScript tests under UTC', () => {
    expect(new Date(0).getHours()).toBe(0);
  });
});
