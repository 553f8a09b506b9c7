from jzhealth_desktop.cli import main

raise SystemExit(main())
