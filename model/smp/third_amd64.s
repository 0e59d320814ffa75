//go:build amd64 && !purego

#include "textflag.h"

DATA lanes<>+0(SB)/8, $0
DATA lanes<>+8(SB)/8, $1
DATA lanes<>+16(SB)/8, $2
DATA lanes<>+24(SB)/8, $3
GLOBL lanes<>(SB), RODATA|NOPTR, $32

DATA one<>+0(SB)/8, $1.0
GLOBL one<>(SB), RODATA|NOPTR, $8

// SUMAB2 joins lanes 0 and 1 of t⁺ (X10) and t⁻ (X11) to A (X4) and B
// (X5): A += t⁺, B −= t⁻, lane 0 first.
#define SUMAB2 \
	VADDSD X10, X4, X4; \
	VSUBSD X11, X5, X5; \
	VPERMILPD $1, X10, X6; \
	VPERMILPD $1, X11, X7; \
	VADDSD X6, X4, X4; \
	VSUBSD X7, X5, X5

// func third4(c *chunk)
TEXT ·third4(SB), NOSPLIT, $0-8
	MOVQ c+0(FP), DI
	MOVQ 56(DI), AX
	SHLQ $3, AX
	VBROADCASTSD one<>(SB), Y15
	VXORPD Y9, Y9, Y9

	// b = U(d, r): (1 − d)(1 + (d ≤ 1 ? d·r : r))
	MOVQ 32(DI), SI
	VMOVUPD (SI)(AX*1), Y1
	MOVQ 24(DI), SI
	VMOVUPD (SI)(AX*1), Y2
	VMULPD Y2, Y1, Y3
	VCMPPD $2, Y15, Y1, Y4
	VBLENDVPD Y4, Y3, Y2, Y5
	VADDPD Y5, Y15, Y5
	VSUBPD Y1, Y15, Y6
	VMULPD Y5, Y6, Y6

	// g = w(a − b), split by its sign
	MOVQ 0(DI), SI
	VMOVUPD (SI)(AX*1), Y0
	MOVQ 8(DI), SI
	VMOVUPD (SI)(AX*1), Y7
	VSUBPD Y6, Y7, Y8
	VMULPD Y8, Y0, Y8
	VBLENDVPD Y8, Y9, Y8, Y10
	VSUBPD Y10, Y8, Y11

	// π = (A0 + g⁺) / ((A0 + g⁺) + (B0 − g⁻)), π′ = 1 − π
	VBROADCASTSD 104(DI), Y12
	VBROADCASTSD 112(DI), Y13
	VADDPD Y10, Y12, Y10
	VSUBPD Y11, Y13, Y11
	VADDPD Y11, Y10, Y12
	VDIVPD Y12, Y10, Y12
	VSUBPD Y12, Y15, Y13

	// x1 = π·a2e + π′·((b+b)+b), x2 = π·a3 + π′·((b+b)+ee)
	VADDPD Y6, Y6, Y3
	VADDPD Y6, Y3, Y4
	MOVQ 16(DI), SI
	VMOVUPD (SI)(AX*1), Y5
	VADDPD Y5, Y3, Y5
	MOVQ 40(DI), SI
	VMOVUPD (SI)(AX*1), Y7
	VMULPD Y7, Y12, Y7
	VMULPD Y4, Y13, Y4
	VADDPD Y4, Y7, Y7
	MOVQ 48(DI), SI
	VMOVUPD (SI)(AX*1), Y8
	VMULPD Y8, Y12, Y8
	VMULPD Y5, Y13, Y5
	VADDPD Y5, Y8, Y8

	// t = w(x1 − x2), split by its sign
	VSUBPD Y8, Y7, Y7
	VMULPD Y7, Y0, Y7
	VBLENDVPD Y7, Y9, Y7, Y10
	VSUBPD Y10, Y7, Y11

	// the lanes of i, of j and of those before from count +0. VMOVQ,
	// not MOVQ: MOVQ into an X register is a legacy SSE instruction, and
	// one with the Y registers' upper halves in use costs some processors
	// a state transition every call (on one, third4 took 15 times as
	// long); every instruction here is VEX-encoded (TestAsmAllVEX)
	MOVQ 56(DI), AX
	VMOVQ AX, X1
	VPBROADCASTQ X1, Y1
	VPADDQ lanes<>(SB), Y1, Y1
	VPBROADCASTQ 64(DI), Y4
	VPCMPGTQ Y1, Y4, Y4
	VPBROADCASTQ 72(DI), Y2
	VPBROADCASTQ 80(DI), Y3
	VPCMPEQQ Y2, Y1, Y2
	VPCMPEQQ Y3, Y1, Y3
	VPOR Y3, Y2, Y2
	VPOR Y4, Y2, Y2
	VANDNPD Y10, Y2, Y10
	VANDNPD Y11, Y2, Y11

	// A += t⁺, B −= t⁻, lane by lane
	VMOVSD 88(DI), X4
	VMOVSD 96(DI), X5
	SUMAB2
	VEXTRACTF128 $1, Y10, X10
	VEXTRACTF128 $1, Y11, X11
	SUMAB2
	VMOVSD X4, 88(DI)
	VMOVSD X5, 96(DI)
	VZEROUPPER
	RET

// SUMS2 joins lanes 0 and 1 of the four votes' parts X8…X11 to the sums
// X0…X3 (Cᵢⱼ += X8, Cⱼᵢ −= X9, Cᵢₖ += X10, Cₖᵢ −= X11), lane 0 first.
#define SUMS2 \
	VADDSD X8, X0, X0; \
	VSUBSD X9, X1, X1; \
	VADDSD X10, X2, X2; \
	VSUBSD X11, X3, X3; \
	VPERMILPD $1, X8, X12; \
	VADDSD X12, X0, X0; \
	VPERMILPD $1, X9, X12; \
	VSUBSD X12, X1, X1; \
	VPERMILPD $1, X10, X12; \
	VADDSD X12, X2, X2; \
	VPERMILPD $1, X11, X12; \
	VSUBSD X12, X3, X3

// func coal2(w, ui, uj, uk *float64, n int, c *[4]float64)
TEXT ·coal2(SB), NOSPLIT, $0-48
	MOVQ w+0(FP), AX
	MOVQ ui+8(FP), BX
	MOVQ uj+16(FP), CX
	MOVQ uk+24(FP), DX
	MOVQ n+32(FP), SI
	MOVQ c+40(FP), DI
	VMOVSD 0(DI), X0
	VMOVSD 8(DI), X1
	VMOVSD 16(DI), X2
	VMOVSD 24(DI), X3
	VXORPD Y15, Y15, Y15
	SHLQ $3, SI
	XORQ R8, R8

loop:
	LEAQ 32(R8), R9
	CMPQ R9, SI
	JGT done

	// v = w(ui − u), split by its sign, for j and for k
	VMOVUPD (AX)(R8*1), Y4
	VMOVUPD (BX)(R8*1), Y5
	VMOVUPD (CX)(R8*1), Y6
	VSUBPD Y6, Y5, Y6
	VMULPD Y6, Y4, Y6
	VMOVUPD (DX)(R8*1), Y7
	VSUBPD Y7, Y5, Y7
	VMULPD Y7, Y4, Y7
	VBLENDVPD Y6, Y15, Y6, Y8
	VSUBPD Y8, Y6, Y9
	VBLENDVPD Y7, Y15, Y7, Y10
	VSUBPD Y10, Y7, Y11

	// the sums, voter by voter
	SUMS2
	VEXTRACTF128 $1, Y8, X8
	VEXTRACTF128 $1, Y9, X9
	VEXTRACTF128 $1, Y10, X10
	VEXTRACTF128 $1, Y11, X11
	SUMS2

	MOVQ R9, R8
	JMP loop

done:
	VMOVSD X0, 0(DI)
	VMOVSD X1, 8(DI)
	VMOVSD X2, 16(DI)
	VMOVSD X3, 24(DI)
	VZEROUPPER
	RET
