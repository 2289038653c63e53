// The BCL namespaces nearly every file uses. System.Management.Automation is not among them: it is imported file by
// file, so a glance at Client/ shows it knows nothing of PowerShell.
global using System;
global using System.Collections.Generic;
global using System.Globalization;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
