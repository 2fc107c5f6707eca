import Testing
@testable import Workflow

// Lines printed by `scontrol show job -o` of Slurm 22.05 on the test cluster (Tests/slurm), shortened in the middle.
private let failed = "JobId=16 JobName=pipeline:train@relu-s1 UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901748 Nice=0 Account=(null) QOS=(null) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=3:0 RunTime=00:00:00 TimeLimit=UNLIMITED WorkDir=/tmp/sl try StdErr=/tmp/sl try/pipeline:train@relu-s1-16.log StdIn=/dev/null StdOut=/tmp/sl try/pipeline:train@relu-s1-16.log Power= "
private let orphan = "JobId=17 JobName=gg UserId=root(0) GroupId=root(0) JobState=PENDING Reason=DependencyNeverSatisfied Dependency=afterok:16(failed) Requeue=1 ExitCode=0:0 ReqB:S:C:T=0:0:*:* TRES=cpu=1,mem=512M,node=1,billing=1 StdOut=/tmp/sl try/g-17.log Power= "
private let task = "JobId=21 ArrayJobId=18 ArrayTaskId=1 JobName=wrap JobState=RUNNING Reason=None Dependency=(null) ExitCode=0:0 StdOut=/tmp/sl try/arr-18_1.log Power= "
private let pendingArray = "JobId=18 ArrayJobId=18 ArrayTaskId=0-2 JobName=wrap JobState=PENDING Reason=None ExitCode=0:0 StdOut=/tmp/sl try/arr-18_4294967294.log Power= "

@Test func slurmJobStateParsesScontrolLines() {
    let states = SlurmJobState.parse(scontrolOutput: [failed, orphan, task, pendingArray, "", "slurm_load_jobs error: x"].joined(separator: "\n"))
    #expect(states == [
        SlurmJobState(id: "16", name: "pipeline:train@relu-s1", state: "FAILED", reason: "NonZeroExitCode", exitCode: "3:0",
                      log: "/tmp/sl try/pipeline:train@relu-s1-16.log"),
        SlurmJobState(id: "17", name: "gg", state: "PENDING", reason: "DependencyNeverSatisfied", exitCode: "0:0", log: "/tmp/sl try/g-17.log"),
        SlurmJobState(id: "18_1", name: "wrap", state: "RUNNING", reason: "None", exitCode: "0:0", log: "/tmp/sl try/arr-18_1.log"),
        SlurmJobState(id: "18", name: "wrap", state: "PENDING", reason: "None", exitCode: "0:0", log: "/tmp/sl try/arr-18_4294967294.log"),
    ])
    #expect(states.map(\.isFinished) == [true, false, false, false])
    #expect(states.map(\.isOrphaned) == [false, true, false, false])
    #expect(states.map(\.succeeded) == [false, false, false, false])
}
