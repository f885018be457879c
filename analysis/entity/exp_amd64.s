//go:build !purego

#include "textflag.h"

// The constants of math.Exp's amd64 routine ($GOROOT/src/math/exp_amd64.s),
// written as it writes them.
#define LOG2E 1.4426950408889634073599246810018920
#define LN2U 0.69314718055966295651160180568695068359375
#define LN2L 0.28235290563031577122588448175013436025525412068e-12

DATA expvec<>+0(SB)/8, $0.5
DATA expvec<>+8(SB)/8, $1.0
DATA expvec<>+16(SB)/8, $2.0
DATA expvec<>+24(SB)/8, $1.6666666666666666667e-1
DATA expvec<>+32(SB)/8, $4.1666666666666666667e-2
DATA expvec<>+40(SB)/8, $8.3333333333333333333e-3
DATA expvec<>+48(SB)/8, $1.3888888888888888889e-3
DATA expvec<>+56(SB)/8, $1.9841269841269841270e-4
DATA expvec<>+64(SB)/8, $2.4801587301587301587e-5
DATA expvec<>+72(SB)/8, $LOG2E
DATA expvec<>+80(SB)/8, $LN2U
DATA expvec<>+88(SB)/8, $LN2L
DATA expvec<>+96(SB)/8, $0.0625
DATA expvec<>+104(SB)/4, $0x3FF
GLOBL expvec<>+0(SB), RODATA, $108

// EXP4 sets Y0 to e^Y0, lane by lane, as the fused (FMA) path of math.Exp's
// routine computes it, step for step: the exponent rounded to nearest
// (CVTSD2SL's VCVTPD2DQ), the argument reduced in two fused steps, the
// Taylor series by fused steps, four squarings, the exponent put back. The
// lanes must be in [expMin, 0]. Uses Y1-Y4.
#define EXP4 \
	VBROADCASTSD expvec<>+72(SB), Y1 \
	VMULPD Y1, Y0, Y1 \
	VCVTPD2DQY Y1, X2 \
	VCVTDQ2PD X2, Y1 \
	VBROADCASTSD expvec<>+80(SB), Y3 \
	VFNMADD231PD Y3, Y1, Y0 \
	VBROADCASTSD expvec<>+88(SB), Y3 \
	VFNMADD231PD Y3, Y1, Y0 \
	VBROADCASTSD expvec<>+96(SB), Y3 \
	VMULPD Y3, Y0, Y0 \
	VBROADCASTSD expvec<>+64(SB), Y1 \
	VBROADCASTSD expvec<>+56(SB), Y3 \
	VFMADD213PD Y3, Y0, Y1 \
	VBROADCASTSD expvec<>+48(SB), Y3 \
	VFMADD213PD Y3, Y0, Y1 \
	VBROADCASTSD expvec<>+40(SB), Y3 \
	VFMADD213PD Y3, Y0, Y1 \
	VBROADCASTSD expvec<>+32(SB), Y3 \
	VFMADD213PD Y3, Y0, Y1 \
	VBROADCASTSD expvec<>+24(SB), Y3 \
	VFMADD213PD Y3, Y0, Y1 \
	VBROADCASTSD expvec<>+0(SB), Y3 \
	VFMADD213PD Y3, Y0, Y1 \
	VBROADCASTSD expvec<>+8(SB), Y4 \
	VFMADD213PD Y4, Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VBROADCASTSD expvec<>+16(SB), Y3 \
	VADDPD Y3, Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VADDPD Y3, Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VADDPD Y3, Y0, Y1 \
	VMULPD Y1, Y0, Y0 \
	VADDPD Y3, Y0, Y1 \
	VFMADD213PD Y4, Y1, Y0 \
	VPBROADCASTD expvec<>+104(SB), X3 \
	VPADDD X3, X2, X2 \
	VPMOVZXDQ X2, Y2 \
	VPSLLQ $52, Y2, Y2 \
	VMULPD Y2, Y0, Y0

// func exp8(x *[8]float64)
TEXT ·exp8(SB), NOSPLIT, $0-8
	MOVQ x+0(FP), AX
	VMOVUPD 0(AX), Y0
	EXP4
	VMOVUPD Y0, 0(AX)
	VMOVUPD 32(AX), Y0
	EXP4
	VMOVUPD Y0, 32(AX)
	VZEROUPPER
	RET
