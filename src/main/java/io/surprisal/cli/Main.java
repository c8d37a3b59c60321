package io.surprisal.cli;

/** Entry point of the {@code surprisal} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("surprisal");
  }
}
