import Diffusion
import Foundation
import Testing

@Suite struct ScheduleTests {
    @Test(arguments: ScheduleKind.allCases, [2, 10, 21, 1000, 4000])
    func schedulesAreValidOrRefuseClearly(kind: ScheduleKind, timesteps: Int) throws {
        let betas: [Double]
        do {
            betas = try kind.schedule.betas(timesteps: timesteps)
        } catch let e as ScheduleError {
            // Only the 1000/T-scaled schedules may leave (0, 1), and only for T <= 20.
            #expect(kind != .cosine && timesteps <= 20, "\(kind) at T = \(timesteps) refused: \(e)")
            #expect(e.description.contains("--timesteps"))
            return
        }
        #expect(betas.count == timesteps)
        #expect(betas.allSatisfy { $0 > 0 && $0 < 1 && $0.isFinite })
        let process = DiscreteDDPM(betas: betas)
        for (a, b) in zip(process.alphaBar, process.alphaBar.dropFirst()) { #expect(b < a) }
        #expect(process.alphaBar.allSatisfy { $0 > 0 && $0.isFinite })
    }

    @Test func linearScheduleHasHoEndpointsAtT1000() throws {
        let b = try LinearSchedule().betas(timesteps: 1000)
        #expect(abs(b[0] - 1e-4) < 1e-15 && abs(b[999] - 0.02) < 1e-15)
        let b100 = try LinearSchedule().betas(timesteps: 100)
        #expect(abs(b100[0] - 1e-3) < 1e-15 && abs(b100[99] - 0.2) < 1e-15)
    }

    @Test func linearScheduleRefusesTooFewTimesteps() {
        #expect(throws: ScheduleError.self) { try LinearSchedule().betas(timesteps: 20) }
        #expect(throws: ScheduleError.self) { try CosineSchedule().betas(timesteps: 1) }
    }

    @Test func cosineScheduleReachesBothEnds() throws {
        let p = DiscreteDDPM(betas: try CosineSchedule().betas(timesteps: 1000))
        // ᾱ at t = 1 (index 0) is f(1)/f(0), close to 1; the last β is capped at 0.999.
        #expect(p.alphaBar[0] > 0.9999)
        #expect(p.alphaBar[999] < 1e-4)
        #expect(p.betas.max()! <= 0.999)
        // Nichol & Dhariwal eq. 17 at the midpoint.
        let f = { (t: Double) in pow(cos((t / 1000 + 0.008) / 1.008 * Double.pi / 2), 2) }
        #expect(abs(p.alphaBar[499] - f(500) / f(0)) < 1e-9)
    }

    @Test func priorWarningFlagsSchedulesThatDoNotReachNoise() throws {
        #expect(try DiscreteDDPM(schedule: .linear, timesteps: 1000).priorWarning == nil)
        #expect(try DiscreteDDPM(schedule: .cosine, timesteps: 50).priorWarning == nil)
        // tiny-diffusion-like: 50 steps with unscaled β from 1e-4 to 0.02 leaves ᾱ_T ≈ 0.6.
        let weak = DiscreteDDPM(betas: (0..<50).map { 1e-4 + (0.02 - 1e-4) * Double($0) / 49 })
        #expect(weak.alphaBar.last! > 0.5)
        #expect(weak.priorWarning != nil)
    }
}
