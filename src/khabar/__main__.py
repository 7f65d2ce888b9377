from khabar.cli import main

main()
