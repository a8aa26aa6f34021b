# quality-swissroll: written by toy. Redraw with: gnuplot quality-swissroll.gp
set terminal pngcairo size 1640,480 enhanced font 'DejaVu Sans,11'
set output 'quality-swissroll.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set multiplot layout 1,3 title 'swissroll: sample quality against model evaluations (5000 samples)'
set logscale x
set xlabel 'model evaluations (NFE)'
set key outside right top vertical font ',8' samplen 2 spacing 0.9
set grid lc rgb '#dddddd'
set ylabel 'energy distance (symmetric log, linear within ±9e-05)'
unset logscale y
set format y '%g'
set ytics ('-90' -6.000000, '-9' -5.000004, '-0.9' -4.000043, '-0.09' -3.000434, '-0.009' -2.004321, '-0.0009' -1.041393, '-9e-05' -0.301030, '0' 0.000000, '9e-05' 0.301030, '0.0009' 1.041393, '0.009' 2.004321, '0.09' 3.000434, '0.9' 4.000043, '9' 5.000004, '90' 6.000000)
unset key
plot 'quality-swissroll.dat' index 0 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'quality-swissroll.dat' index 1 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'quality-swissroll.dat' index 2 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'quality-swissroll.dat' index 3 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'quality-swissroll.dat' index 4 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'quality-swissroll.dat' index 5 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'quality-swissroll.dat' index 6 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'quality-swissroll.dat' index 7 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'quality-swissroll.dat' index 8 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'quality-swissroll.dat' index 9 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'quality-swissroll.dat' index 10 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'quality-swissroll.dat' index 11 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'quality-swissroll.dat' index 12 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'quality-swissroll.dat' index 13 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'quality-swissroll.dat' index 14 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'quality-swissroll.dat' index 15 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'quality-swissroll.dat' index 16 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'quality-swissroll.dat' index 17 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'quality-swissroll.dat' index 18 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'quality-swissroll.dat' index 19 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'quality-swissroll.dat' index 20 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'quality-swissroll.dat' index 21 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin', \
     -0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'
set ylabel 'MMD² (fixed bandwidth) (symmetric log, linear within ±2.7e-05)'
unset logscale y
set format y '%g'
set ytics ('-27' -6.000000, '-2.7' -5.000004, '-0.27' -4.000043, '-0.027' -3.000434, '-0.0027' -2.004321, '-0.00027' -1.041393, '-2.7e-05' -0.301030, '0' 0.000000, '2.7e-05' 0.301030, '0.00027' 1.041393, '0.0027' 2.004321, '0.027' 3.000434, '0.27' 4.000043, '2.7' 5.000004, '27' 6.000000)
unset key
plot 'quality-swissroll.dat' index 22 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'quality-swissroll.dat' index 23 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'quality-swissroll.dat' index 24 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'quality-swissroll.dat' index 25 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'quality-swissroll.dat' index 26 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'quality-swissroll.dat' index 27 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'quality-swissroll.dat' index 28 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'quality-swissroll.dat' index 29 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'quality-swissroll.dat' index 30 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'quality-swissroll.dat' index 31 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'quality-swissroll.dat' index 32 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'quality-swissroll.dat' index 33 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'quality-swissroll.dat' index 34 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'quality-swissroll.dat' index 35 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'quality-swissroll.dat' index 36 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'quality-swissroll.dat' index 37 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'quality-swissroll.dat' index 38 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'quality-swissroll.dat' index 39 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'quality-swissroll.dat' index 40 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'quality-swissroll.dat' index 41 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'quality-swissroll.dat' index 42 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'quality-swissroll.dat' index 43 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin', \
     -0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'
set ylabel 'classifier two-sample accuracy'
unset logscale y
set format y '%g'
set ytics auto
set key
plot 'quality-swissroll.dat' index 44 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'quality-swissroll.dat' index 45 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'quality-swissroll.dat' index 46 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'quality-swissroll.dat' index 47 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'quality-swissroll.dat' index 48 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'quality-swissroll.dat' index 49 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'quality-swissroll.dat' index 50 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'quality-swissroll.dat' index 51 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'quality-swissroll.dat' index 52 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'quality-swissroll.dat' index 53 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'quality-swissroll.dat' index 54 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'quality-swissroll.dat' index 55 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'quality-swissroll.dat' index 56 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'quality-swissroll.dat' index 57 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'quality-swissroll.dat' index 58 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'quality-swissroll.dat' index 59 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'quality-swissroll.dat' index 60 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'quality-swissroll.dat' index 61 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'quality-swissroll.dat' index 62 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'quality-swissroll.dat' index 63 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'quality-swissroll.dat' index 64 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'quality-swissroll.dat' index 65 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin', \
     0.4964 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'
unset multiplot
unset output
