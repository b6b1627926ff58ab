from gorewrite.cli import main

raise SystemExit(main())
