#include "cli/cli.h"

int main(int argc, char** argv) { return glossa::Main(argc, argv); }
